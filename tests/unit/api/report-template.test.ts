import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/api/report-template.ts';
import { defaultReportTemplate } from '#shared/adapters/documents/default-report-template.ts';
import { documentKeys } from '#shared/adapters/dynamodb/keys.ts';
import type { Caller } from '#shared/domain/access/caller.ts';
import { DOCX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { MAX_TEMPLATE_BYTES } from '#shared/use-cases/report-template.ts';
import { apiEvent, lambdaContext } from '../../support/api-event.ts';
import { wordFile } from '../../support/word-file.ts';

const documents = mockClient(DynamoDBDocumentClient);
const ADMIN: Caller = {
  tokenId: 'tok_admin',
  role: 'admin',
  agencyId: null,
  actsFor: [],
  person: null,
};

function call(method: 'GET' | 'PUT' | 'DELETE', file?: Buffer, contentType = DOCX_MEDIA_TYPE) {
  const event = apiEvent({
    method,
    resource: '/report-template',
    headers: { 'Content-Type': contentType },
    caller: ADMIN,
  });
  return handler(
    file ? { ...event, body: file.toString('base64'), isBase64Encoded: true } : event,
    lambdaContext(),
  );
}

const bodyOf = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

beforeEach(() => {
  documents.reset();
  documents.on(GetCommand).resolves({});
  documents.on(PutCommand).resolves({});
  documents.on(DeleteCommand).resolves({});
});

describe('GET /report-template', () => {
  it('hands out the default template while none is stored', async () => {
    // Prepare: an empty table (beforeEach). Act
    const response = await call('GET');

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': DOCX_MEDIA_TYPE,
      'x-report-template': 'default',
    });
    expect(Buffer.from(response.body, 'base64')).toEqual(defaultReportTemplate());
  });

  it('hands out the stored template once there is one', async () => {
    // Prepare
    const stored = Buffer.from('a stored template');
    documents.on(GetCommand, { Key: documentKeys.reportTemplate }).resolves({
      Item: {
        ...documentKeys.reportTemplate,
        file: new Uint8Array(stored),
        sha256: 'abc',
        uploadedAt: '2026-09-01T00:00:00.000Z',
        uploadedBy: 'tok_admin',
      },
    });

    // Act
    const response = await call('GET');

    // Assess
    expect(response.headers).toMatchObject({ 'x-report-template': 'uploaded' });
    expect(Buffer.from(response.body, 'base64')).toEqual(stored);
  });
});

describe('PUT /report-template', () => {
  it('stores a usable template with who sent it and its digest', async () => {
    // Prepare
    const template = defaultReportTemplate();

    // Act
    const response = await call('PUT', template);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({
      source: 'uploaded',
      bytes: template.length,
      uploadedBy: 'tok_admin',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(documents).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ ...documentKeys.reportTemplate, uploadedBy: 'tok_admin' }),
    });
  });

  it('refuses a template without the required placeholders with 422, storing nothing', async () => {
    // Prepare
    const template = wordFile(['{ky_bao_cao}']);

    // Act
    const response = await call('PUT', template);

    // Assess
    expect(response.statusCode).toBe(422);
    expect(bodyOf(response)).toMatchObject({
      type: expect.stringMatching(/report-template-invalid$/),
      errors: [expect.objectContaining({ field: 'template.linh_vuc' })],
    });
    expect(documents).not.toHaveReceivedCommand(PutCommand);
  });

  it('refuses a file over the item’s limit with 413', async () => {
    // Prepare
    const large = Buffer.alloc(MAX_TEMPLATE_BYTES + 1);

    // Act
    const response = await call('PUT', large);

    // Assess
    expect(response.statusCode).toBe(413);
    expect(documents).not.toHaveReceivedCommand(PutCommand);
  });

  it('refuses another media type with 415', async () => {
    // Prepare: nothing. Act
    const response = await call('PUT', Buffer.from('{}'), 'application/json');

    // Assess
    expect(response.statusCode).toBe(415);
  });
});

describe('DELETE /report-template', () => {
  it('goes back to the default template', async () => {
    // Prepare: nothing. Act
    const response = await call('DELETE');

    // Assess
    expect(bodyOf(response)).toEqual({ source: 'default' });
    expect(documents).toHaveReceivedCommandWith(DeleteCommand, {
      Key: documentKeys.reportTemplate,
    });
  });
});
