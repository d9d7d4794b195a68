// What the global setup hands each test file: where the migrated template database is.
export type TestTemplate = { engine: "pglite"; dumpPath: string } | { engine: "postgresql"; url: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    vepTestTemplate: TestTemplate;
  }
}
