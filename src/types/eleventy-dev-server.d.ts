// Eleventy's dev server ships no TypeScript declarations; this is the part of its API `boletines serve` uses.
declare module "@11ty/eleventy-dev-server" {
  interface DevServerOptions {
    /** Tries the next ports when this one is taken (Eleventy's default: 10). */
    portReassignmentRetryCount?: number;
    /** Patch HTML in place (needs Eleventy's template map) instead of reloading the page. */
    domDiff?: boolean;
    messageOnStart?: () => string | false;
    logger?: { log(message: string): void; info(message: string): void; error(message: string): void };
    /**
     * URL patterns (`URLPattern` pathnames) mapped to functions answering a request before the
     * folder's files are looked at: the response (the reload client is added to a navigation's HTML),
     * or `undefined` to pass the request on.
     */
    onRequest?: Record<string, (request: { url: URL; pattern: unknown; patternGroups: Record<string, string> }) => OnRequestResponse | undefined | Promise<OnRequestResponse | undefined>>;
  }
  interface OnRequestResponse {
    status?: number;
    headers?: Record<string, string>;
    body: string;
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string, pathname?: string): string;
    /** Tells every open page to reload (`files` empty: a full reload). */
    reload(event?: { files?: string[] }): void;
    close(): Promise<void>;
    /**
     * What a request path is answered with: a file of the folder (200), a redirect to or from a
     * trailing slash (301, `url` without the request's query), or 404.
     */
    mapUrlToFilePath(url: string): { statusCode: number; filepath?: string; url?: string };
    /** The Node HTTP server, made on first use. */
    readonly server: import("node:http").Server;
    /**
     * Its only call to `listen` (also for the next port when one is taken), on every interface:
     * replaced by `boletines serve` to listen on one address (2.1.x; the lockfile pins it).
     */
    _serverListen(port: number): void;
  }
}
