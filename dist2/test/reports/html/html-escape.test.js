import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, jsonForScript, scriptForInline } from '../../../reports/html/html-escape.js';
test('escapeHtml escapes the five markup characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
test('jsonForScript cannot close its script element and parses back to the value', () => {
    const value = { text: '</script><script>alert(1)</script><!-- \u2028\u2029', n: 1 };
    const json = jsonForScript(value);
    assert.equal(json.includes('<'), false);
    assert.equal(json.includes('\u2028'), false);
    assert.deepEqual(JSON.parse(json), value);
});
test('scriptForInline splits any closing script tag', () => {
    assert.equal(scriptForInline('a="</script>";b="</SCRIPT >"'), 'a="<\\/script>";b="<\\/SCRIPT >"');
});
//# sourceMappingURL=html-escape.test.js.map