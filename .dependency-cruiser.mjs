// The layering of the house, checked by `npm run lint` (dependency-cruiser). Type-only imports count: a type
// taken from the wrong side ties the two sides as surely as a value.
//
//   workflows/    pure: @temporalio/workflow and its own contracts
//   src/policy/   pure rules: nothing of the app
//   activities/   the worker: the store (src/database/), entities, policy, secrets, config, workflow contracts;
//                 never the API's feature modules
//   *.entity.ts   tables: typeorm and the words of policy only
//   src/database/ the store: entities, never a feature module or worker code
//   cli/          reaches the service only through clients/

/** The app's own code (anything outside node_modules and Node's core modules). */
const APP = '^(src|activities|workflows|cli|clients|test|bench|scripts|console)/';
/** The API's feature modules: controllers, services, DTOs and Nest modules. */
const FEATURE_MODULE = '^src/.+[.](controller|service|dto|module)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles anywhere: a circle means two modules are one, or a type lives on the wrong side.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file (else the rules below would not see it).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'workflows-pure',
      severity: 'error',
      comment:
        'Workflow code is replayed in the sandbox: @temporalio/workflow (with @temporalio/common, its sandbox-safe ' +
        'half: search attribute keys) and its own contracts only.',
      from: { path: '^workflows/' },
      to: { pathNot: ['^workflows/', '^node_modules/@temporalio/(workflow|common)/'] },
    },
    {
      name: 'policy-pure',
      severity: 'error',
      comment: 'src/policy/ holds pure rules: nothing of the app (no entities, config, database, engine, Nest).',
      from: { path: '^src/policy/' },
      to: { path: [APP, '^node_modules/(@nestjs|typeorm|pg|@temporalio)/'], pathNot: '^src/policy/' },
    },
    {
      name: 'activities-no-feature-modules',
      severity: 'error',
      comment: 'The worker never imports the API: controllers, services, DTOs, Nest modules.',
      from: { path: '^activities/' },
      to: { path: FEATURE_MODULE },
    },
    {
      name: 'activities-reach',
      severity: 'error',
      comment:
        'The worker imports the store (src/database/), entities, policy, secrets, config, the start pump, shared ' +
        'helpers (common, telemetry), the retention job and the workflow contracts; nothing else of the app.',
      from: { path: '^activities/' },
      to: {
        path: APP,
        pathNot: [
          '^activities/',
          '^workflows/[^/]*contracts[.]ts$',
          '^src/(database|policy|secrets|common|telemetry|dispatch|retention)/',
          '^src/config[.]ts$',
          '^src/[^/]+/[^/]+[.]entity[.]ts$',
        ],
      },
    },
    {
      name: 'entities-only-policy',
      severity: 'error',
      comment: 'A table imports typeorm and the words of the rules (src/policy/), nothing else.',
      from: { path: '[.]entity[.]ts$' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^src/policy/', '^node_modules/typeorm/'] },
    },
    {
      name: 'database-no-feature-or-worker',
      severity: 'error',
      comment: 'The store and its migrations know the entities, never a feature module, the engine or the worker.',
      from: { path: '^src/database/' },
      to: {
        path: ['^(activities|workflows)/', '^src/(?!database/)[^/]+/'],
        // The workflow contracts are the words every side shares (a wait's reason, an operational event's shape).
        pathNot: ['[.]entity[.]ts$', '^src/policy/', '^src/common/', '^workflows/[^/]*contracts[.]ts$'],
      },
    },
    {
      name: 'cli-through-clients',
      severity: 'error',
      comment: 'The CLI reaches the service only through the typed client (clients/), as any user would.',
      from: { path: '^cli/' },
      to: { path: '^(src|activities|workflows)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^console/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
