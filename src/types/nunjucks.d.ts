// nunjucks ships no TypeScript declarations; this is the part the build's bulk-page renderer uses.
declare module "nunjucks" {
  export class FileSystemLoader {
    constructor(searchPaths: string | string[], options?: { noCache?: boolean; watch?: boolean });
  }
  export class Environment {
    constructor(loader: FileSystemLoader, options?: Record<string, unknown>);
    render(name: string, context: object): string;
  }
  const nunjucks: { Environment: typeof Environment; FileSystemLoader: typeof FileSystemLoader };
  export default nunjucks;
}
