// Next requires its middleware manifest and the API route's module by absolute path on every
// request. Node skips resolving a repeated require only when the same module first came in through
// the same parent and request, which these did not, so every call resolves the path again — and
// resolving goes through tsx's resolver, since the server runs under tsx: about 5% of a webhook's
// time on the main thread (CPU profile, 16 senders). A production build does not change while the
// server runs, so an absolute path that resolved once resolves to the same file for good; this
// remembers it. Not in development, where Next rebuilds files under the same names.
import Module from "node:module";
import path from "node:path";

type ResolveFilename = (this: unknown, request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
export interface ModuleInternals {
  _resolveFilename: ResolveFilename;
}

/**
 * Bounded by the files of the build: only paths that resolved (so exist) are kept. Returns what
 * puts the resolver back as it was (for tests).
 */
export function rememberAbsoluteResolutions(): () => void {
  const internals = Module as unknown as ModuleInternals;
  const resolve = internals._resolveFilename;
  const resolved = new Map<string, string>();
  internals._resolveFilename = function (request, parent, isMain, options) {
    if (options !== undefined || !path.isAbsolute(request)) return resolve.call(this, request, parent, isMain, options);
    let filename = resolved.get(request);
    if (filename === undefined) {
      filename = resolve.call(this, request, parent, isMain, options);
      resolved.set(request, filename);
    }
    return filename;
  };
  return () => {
    internals._resolveFilename = resolve;
  };
}
