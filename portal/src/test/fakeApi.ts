/**
 * A stand-in for the gateway in component tests: fetch answers from a list of routes (method and
 * path prefix), and every call is recorded with its URL, query and body so that tests can say
 * exactly what the page sent.
 */
import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  params: URLSearchParams;
  body: BodyInit | null | undefined;
  headers: Record<string, string>;
}

export type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };

interface Route {
  method: string;
  path: string;
  answer: Answer | ((call: Call) => Answer);
}

export function fakeApi() {
  const routes: Route[] = [];
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://waypoint.test');
    const call: Call = {
      method: (init.method ?? 'GET').toUpperCase(), path: url.pathname, params: url.searchParams, body: init.body,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    // The route added last wins, so a test can replace an answer for its next call.
    const route = [...routes].reverse().find((r) => r.method === call.method && r.path === call.path);
    if (!route) return new Response(JSON.stringify({ title: 'Not Found' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    const answer = typeof route.answer === 'function' ? route.answer(call) : route.answer;
    const status = answer.status ?? 200;
    const json = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body),
      { status, headers: { 'Content-Type': json, ...(answer.headers ?? {}) } });
  });
  vi.stubGlobal('fetch', fetch);
  const api = {
    calls,
    on(method: string, path: string, answer: Route['answer']) {
      routes.push({ method, path, answer });
      return api;
    },
    /** The calls made with this method to this path, in order. */
    sent(method: string, path: string): Call[] {
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
  return api;
}

/** A problem+json body as the services send it (ProblemDetailsAdvice): title, detail, errors, extra properties. */
export function problem(status: number, title: string, detail: string, errors: Array<{ field: string; message: string }>,
  extra: Record<string, unknown> = {}): Answer {
  return { status, body: { type: `https://waypoint.example/problems/${status}`, title, status, detail, errors, ...extra } };
}
