// nunjucks ships no TypeScript declarations; this is the part the build's bulk-page renderer uses.
declare module "nunjucks" {
  /** A template as a loader hands it over: its source, or (`type: "code"`) what its compiled source evaluates to. */
  export interface LoaderSource {
    src: string | { type: "code"; obj: object };
    path: string;
    noCache?: boolean;
  }
  export class FileSystemLoader {
    constructor(searchPaths: string | string[], options?: { noCache?: boolean; watch?: boolean });
    getSource(name: string): LoaderSource | null;
  }
  export class Environment {
    constructor(loader: FileSystemLoader, options?: Record<string, unknown>);
    render(name: string, context: object): string;
    /** A value or function every template can read by name; a function is called with the render's context as `this`. */
    addGlobal(name: string, value: unknown): this;
  }
  export const compiler: {
    /** A template's source compiled to the body of a function returning its render functions. */
    compile(src: string, asyncFilters: string[], extensions: unknown[], name: string, options: object): string;
  };
  const nunjucks: { Environment: typeof Environment; FileSystemLoader: typeof FileSystemLoader; compiler: typeof compiler };
  export default nunjucks;
}
