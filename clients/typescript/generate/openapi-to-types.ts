import openapiTS, { astToString } from 'openapi-typescript';

/** Where the generated types live, relative to clients/typescript/. */
export const GENERATED_TYPES_FILE = 'src/openapi-types.ts';

const HEADER = `// Generated from the service's /openapi.json by openapi-typescript: do not edit.
// Regenerate with \`npm run client:generate\`; a test fails when this file and the served document differ.
`;

/** The TypeScript types openapi-typescript makes of an OpenAPI document, as the text of a module. */
export async function openApiToTypes(document: object): Promise<string> {
  // The generator reads the document without network access (no remote $refs here); it may not mutate ours.
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + '\n' + astToString(ast);
}
