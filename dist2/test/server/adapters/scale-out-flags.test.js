import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeScaleOut, scaleOutProblems, usesRedis } from '../../../server/adapters/adapter-kind.js';
import { parseScaleOutFlags } from '../../../server/adapters/scale-out-flags.js';
test('no flags: one process with the in-memory adapter', () => {
    assert.deepEqual(parseScaleOutFlags({}), { ok: true, options: { workers: 1, adapter: 'memory', redisUrl: undefined } });
});
test('--workers N alone picks the cluster adapter', () => {
    assert.deepEqual(parseScaleOutFlags({ workers: '3' }), { ok: true, options: { workers: 3, adapter: 'cluster', redisUrl: undefined } });
});
test('a redis adapter takes its URL, with or without workers', () => {
    assert.deepEqual(parseScaleOutFlags({ adapter: 'redis', redisUrl: 'redis://127.0.0.1:6379' }), {
        ok: true,
        options: { workers: 1, adapter: 'redis', redisUrl: 'redis://127.0.0.1:6379' },
    });
    assert.deepEqual(parseScaleOutFlags({ workers: '2', adapter: 'redis-streams', redisUrl: 'rediss://cache:6380/2' }), {
        ok: true,
        options: { workers: 2, adapter: 'redis-streams', redisUrl: 'rediss://cache:6380/2' },
    });
});
test('bad values name their flag; combinations that would lose messages are refused', () => {
    assert.deepEqual(parseScaleOutFlags({ workers: '0', adapter: 'kafka' }), {
        ok: false,
        problems: ['--workers must be an integer from 1 to 256 (got "0")', '--adapter must be one of memory, cluster, redis, redis-streams (got "kafka")'],
    });
    assert.deepEqual(parseScaleOutFlags({ workers: '2', adapter: 'memory' }), {
        ok: false,
        problems: ['--adapter memory cannot carry broadcasts between --workers processes: use cluster, redis or redis-streams'],
    });
    assert.deepEqual(parseScaleOutFlags({ adapter: 'cluster' }), { ok: false, problems: ['--adapter cluster needs --workers 2 or more'] });
    assert.deepEqual(parseScaleOutFlags({ adapter: 'redis' }), { ok: false, problems: ['--adapter redis needs --redis-url redis://HOST:PORT'] });
    assert.deepEqual(parseScaleOutFlags({ workers: '2', redisUrl: 'redis://x:1' }), {
        ok: false,
        problems: ['--redis-url is only used by --adapter redis or redis-streams (got --adapter cluster)'],
    });
    assert.deepEqual(scaleOutProblems({ workers: 1, adapter: 'redis', redisUrl: 'http://x:1' }), [
        '--redis-url must be a redis:// or rediss:// URL (got "http://x:1")',
    ]);
});
test('usesRedis and the config line (the password never printed)', () => {
    assert.deepEqual(['memory', 'cluster', 'redis', 'redis-streams'].map(usesRedis), [false, false, true, true]);
    assert.equal(describeScaleOut({ workers: 1, adapter: 'memory', redisUrl: undefined }), '');
    assert.equal(describeScaleOut({ workers: 4, adapter: 'cluster', redisUrl: undefined }), ' workers=4 adapter=cluster');
    assert.equal(describeScaleOut({ workers: 2, adapter: 'redis', redisUrl: 'redis://user:secret@cache:6379/1' }), ' workers=2 adapter=redis redis=cache:6379');
});
//# sourceMappingURL=scale-out-flags.test.js.map