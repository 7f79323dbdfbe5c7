import { describe, expect, it } from 'vitest';
import { cellText } from '#shared/domain/plan/cell-text.ts';

describe('cellText', () => {
  it.each([
    // blocks become lines; other tags and attributes go
    ['<p>Lúa: 15.520 ha</p> <p>Ngô: 14.528 ha</p>', 'Lúa: 15.520 ha\nNgô: 14.528 ha'],
    ['<ul style="list-style-type: none"> <li>- Lúa</li> <li>- Ngô</li> </ul>', '- Lúa\n- Ngô'],
    ['a<br>b<br/>c', 'a\nb\nc'],
    ['<b>I</b>', 'I'],
    ['<P CLASS="x">Hoa</P>', 'Hoa'],
    // white space: single spaces inside lines, empty lines dropped
    ['  Sở   Y tế \n\n  Sở Tài chính ', 'Sở Y tế\nSở Tài chính'],
    // entities, named and numeric, decoded
    ['Văn hóa&nbsp;&amp;&nbsp;Thể thao', 'Văn hóa & Thể thao'],
    ['&hellip;&Agrave;&#7897;&#x1EA1;', '…Àộạ'],
    ['Ho&#768;a', 'Hòa'],
    ['&unknown; &amp', '&unknown; &'],
    // encoded markup stays text: the characters, never a tag
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['&lt;b&gt;đậm&lt;/b&gt;', '<b>đậm</b>'],
    // a literal "<" keeps the text after it
    ['x < 5 ha', 'x < 5 ha'],
    ['x <5 ha', 'x <5 ha'],
    ['a <<< b', 'a <<< b'],
    ['tỷ lệ < 5% và > 2%', 'tỷ lệ < 5% và > 2%'],
    // a tag never closed is kept as text rather than lost
    ['tổng a<b', 'tổng a<b'],
    ['a<p', 'a<p'],
    // comments and code are not text
    ['a<!-- ghi chú -->b', 'ab'],
    ['<script>alert(1)</script>t<style>p{}</style>', 't'],
    // a reference outside Unicode, or a surrogate, is U+FFFD
    ['a &#x110000; b &#99999999999; c &#xD800; d &#0;', 'a \uFFFD b \uFFFD c \uFFFD d \uFFFD'],
    // output is NFC: a decomposed "ộ" (o + U+0323 + U+0302) is one character
    ['Bo\u0323\u0302', 'Bộ'],
    ['', ''],
  ])('%j → %j', (raw, text) => {
    expect(cellText(raw)).toBe(text);
  });
});
