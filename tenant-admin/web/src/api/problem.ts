/**
 * RFC 9457 problem details, as every Callisto API answers an error:
 * `{type, title, status, detail, code, errors?: [{field, message}]}`.
 */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors: FieldError[];
}

/** Thrown by the API client for every answer that is not a success, and when the server cannot be reached. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** The field errors keyed by field name (the first message wins when a field has several). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.problem.errors) {
      if (!(e.field in byField)) {
        byField[e.field] = e.message;
      }
    }
    return byField;
  }
}

const FALLBACK_DETAIL: Record<number, string> = {
  0: 'The server could not be reached. Check your connection and try again.',
  400: 'The request was not valid.',
  401: 'You are not signed in.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with existing data.',
  429: 'Too many attempts. Wait a moment and try again.',
  500: 'The server failed. Try again later.',
  502: 'The server is unavailable. Try again later.',
  503: 'The service is temporarily unavailable. Try again later.',
};

export function fallbackDetail(status: number): string {
  return FALLBACK_DETAIL[status] ?? `The server answered ${status}.`;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const out: FieldError[] = [];
  for (const item of value) {
    if (item && typeof item === 'object') {
      const field = asString((item as Record<string, unknown>).field);
      const message = asString((item as Record<string, unknown>).message);
      if (field && message) {
        out.push({ field, message });
      }
    }
  }
  return out;
}

/** Builds a problem from a parsed body (anything) and the HTTP status, filling what the body lacks. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const bodyStatus = typeof obj.status === 'number' ? obj.status : undefined;
  const title = asString(obj.title) ?? asString(statusText) ?? fallbackDetail(status);
  const errors = asFieldErrors(obj.errors);
  let detail = asString(obj.detail);
  if (!detail) {
    detail = errors.length > 0 ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : fallbackDetail(status);
  }
  return {
    type: asString(obj.type),
    title,
    status: bodyStatus ?? status,
    detail,
    code: asString(obj.code),
    errors,
  };
}

/** Reads an error answer: problem+json (or any JSON) when the server sent it, a generic problem otherwise. */
export async function readProblem(response: Response): Promise<Problem> {
  let body: unknown = undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  return toProblem(response.status, body, response.statusText);
}

/** The problem to show for anything a call threw: the API's own, or an unexpected failure. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) {
    return error.problem;
  }
  const message = error instanceof Error && error.message ? error.message : String(error);
  return { title: 'Unexpected error', status: 0, detail: `Something went wrong: ${message}`, errors: [] };
}
