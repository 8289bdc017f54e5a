import { describe, expect, it } from 'vitest';
import { ApiError, problemOf, readProblem, toProblem } from './problem';

describe('problem+json parsing', () => {
  it('reads every member of an RFC 9457 problem', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'https://callisto.io/problems/invalid-input',
        title: 'Invalid input',
        status: 400,
        detail: 'adminEmail: is not an email address',
        code: 'invalid-input',
        errors: [{ field: 'adminEmail', message: 'is not an email address' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const p = await readProblem(response);
    expect(p).toEqual({
      type: 'https://callisto.io/problems/invalid-input',
      title: 'Invalid input',
      status: 400,
      detail: 'adminEmail: is not an email address',
      code: 'invalid-input',
      errors: [{ field: 'adminEmail', message: 'is not an email address' }],
    });
  });

  it('falls back to a readable detail when the body is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html' },
    });
    const p = await readProblem(response);
    expect(p.status).toBe(502);
    expect(p.title).toBe('Bad Gateway');
    expect(p.detail).toBe('The server is unavailable. Try again later.');
    expect(p.errors).toEqual([]);
    expect(p.code).toBeUndefined();
  });

  it('survives a JSON content type with a broken body', async () => {
    const response = new Response('{not json', { status: 500, headers: { 'Content-Type': 'application/json' } });
    const p = await readProblem(response);
    expect(p.status).toBe(500);
    expect(p.detail).toBe('The server failed. Try again later.');
  });

  it('builds the detail from field errors when the server sent none, and drops malformed ones', () => {
    const p = toProblem(400, {
      errors: [{ field: 'seats', message: 'must be at least 1' }, { field: 'x' }, 'junk', null],
    });
    expect(p.errors).toEqual([{ field: 'seats', message: 'must be at least 1' }]);
    expect(p.detail).toBe('seats: must be at least 1');
  });

  it('keeps the first message per field', () => {
    const error = new ApiError(
      toProblem(400, {
        detail: 'bad',
        errors: [
          { field: 'password', message: 'too short' },
          { field: 'password', message: 'too common' },
          { field: 'email', message: 'taken' },
        ],
      }),
    );
    expect(error.fieldErrors()).toEqual({ password: 'too short', email: 'taken' });
    expect(error.message).toBe('bad');
    expect(error.status).toBe(400);
  });

  it('turns anything thrown into something to show', () => {
    expect(problemOf(new TypeError('boom')).detail).toBe('Something went wrong: boom');
    const api = new ApiError(toProblem(403, { detail: 'Admins only', code: 'forbidden' }));
    expect(problemOf(api)).toBe(api.problem);
  });
});
