import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { captureEnvironment } from '../../loadgen/environment.js';
/** The repository root: this file runs from <root>/dist/test/loadgen/. */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
async function versionOf(packageJsonPath) {
    const parsed = JSON.parse(await readFile(packageJsonPath, 'utf8'));
    return parsed.version;
}
describe('captureEnvironment', () => {
    it('records versions, machine and the git commit of the working directory', async (t) => {
        const environment = await captureEnvironment({ cwd: repoRoot });
        let head;
        try {
            head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
        }
        catch (error) {
            t.diagnostic(`no git commit here (${String(error)}): checking that gitCommit is absent`);
        }
        assert.equal(environment.gitCommit, head);
        assert.equal(environment.toolVersion, await versionOf(path.join(repoRoot, 'package.json')));
        assert.equal(environment.serverVersion, await versionOf(path.join(repoRoot, 'node_modules/socket.io/package.json')));
        assert.equal(environment.nodeVersion, process.version);
        assert.equal(environment.platform, process.platform);
        assert.equal(environment.arch, process.arch);
        assert.equal(environment.cpuCount, os.cpus().length);
        assert.equal(environment.cpuModel, os.cpus()[0]?.model.trim() ?? 'unknown');
        assert.equal(environment.totalMemoryBytes, os.totalmem());
        assert.equal(environment.hostname, os.hostname());
    });
    it('leaves gitCommit out, without an error, outside a repository', async () => {
        const outside = await mkdtemp(path.join(os.tmpdir(), 'sio-bench-no-git-'));
        try {
            const environment = await captureEnvironment({ cwd: outside });
            assert.equal('gitCommit' in environment, false);
            assert.equal(typeof environment.toolVersion, 'string');
        }
        finally {
            await rm(outside, { recursive: true, force: true });
        }
    });
});
//# sourceMappingURL=environment.test.js.map