import { request as httpRequest } from 'node:http';
import { startTestPlatform } from '../support/platform.ts';

const p = await startTestPlatform();
const token = p.tokens.agencies['so-nong-nghiep-va-moi-truong']!;
function raw(method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const u = new URL(p.url);
    const req = httpRequest({ host: u.hostname, port: u.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString().slice(0, 300) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const b = Buffer.from('{"status":"on_track","percentComplete":5}');
console.log('hdr20k', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'idempotency-key': 'x'.repeat(20000) }, b).catch(e => String(e)));
console.log('hdr4k', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'idempotency-key': 'x'.repeat(4000) }, b));
console.log('latin1', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'idempotency-key': 'caf\xe9' }, b));
console.log('noct', await raw('POST', '/tasks/KH266-I-2/reports', { authorization: auth.authorization, 'idempotency-key': 'a1' }, b));
console.log('pj', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'content-type': 'application/problem+json', 'idempotency-key': 'a2x' }, Buffer.from('{"status":"on_track","percentComplete":5, "x": 1}')));
console.log('ct-multipart', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'content-type': 'multipart/form-data; boundary=x', 'idempotency-key': 'a3' }, b));
console.log('deep', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'idempotency-key': 'a4' }, Buffer.from('['.repeat(100000) + ']'.repeat(100000))).catch(e=>String(e)));
console.log('deepobj', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'idempotency-key': 'a5' }, Buffer.from('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))).catch(e=>String(e)));
console.log('70k', await raw('POST', '/tasks/KH266-I-2/reports', { ...auth, 'idempotency-key': 'a6' }, Buffer.from(JSON.stringify({status: 'on_track', percentComplete: 1, narrative: 'x'.repeat(70000)}))));
console.log('plans70k', await raw('POST', '/plans', { ...auth, authorization: `Bearer ${p.tokens.admin}`, 'idempotency-key': 'a7' }, Buffer.from(JSON.stringify({file: 'x', text: 'x'.repeat(70000)}))));
console.log('plansjunk', await raw('POST', '/plans', { ...auth, authorization: `Bearer ${p.tokens.admin}`, 'idempotency-key': 'a8' }, Buffer.from(JSON.stringify({file: 'x', text: 'STT\tNội dung\n1\tfoo'}))));
console.log('rollup', await raw('POST', '/rollups/9999999999999999999999-Q1/runs', { ...auth, authorization: `Bearer ${p.tokens.admin}`, 'idempotency-key': 'a9' }));
console.log('rollup0', await raw('POST', '/rollups/0000-Q1/runs', { ...auth, authorization: `Bearer ${p.tokens.admin}`, 'idempotency-key': 'a10' }));
console.log('rollupget', await raw('GET', '/rollups/0000-Q1/agriculture?cutoff=decree', { ...auth, authorization: `Bearer ${p.tokens.admin}` }));
console.log('rollupget', await raw('GET', '/rollups/0000-Q1?cutoff=decree09', { ...auth, authorization: `Bearer ${p.tokens.admin}` }));
console.log('rollup0', await raw('POST', '/rollups/0000-Q1/runs?cutoff=decree09', { ...auth, authorization: `Bearer ${p.tokens.admin}`, 'idempotency-key': 'a11' }));
console.log('duedate', await raw('GET', '/tasks?dueBefore=9999-99-99', auth));
console.log('duedate', await raw('GET', '/tasks?dueBefore=2026-02-30', auth));
console.log('cur', await raw('GET', '/tasks?cursor=' + Buffer.from(JSON.stringify({p:0,k:{PK:'TASK#x', SK: 1}})).toString('base64url'), auth));
await p.stop();
