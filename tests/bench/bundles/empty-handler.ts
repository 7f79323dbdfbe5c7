/** The baseline bundle: a handler with no dependencies, bundled like the real ones. */
export const handler = async () => ({ statusCode: 204, body: '' });
