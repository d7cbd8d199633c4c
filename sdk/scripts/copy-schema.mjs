// Ships the API's schema with the package (dist/schema.graphql, exported as @tenantry/sdk/schema.graphql), so an
// integrator runs their own graphql-codegen against the schema of the SDK version they installed.
import { copyFileSync } from 'node:fs';

copyFileSync(new URL('../../schema/schema.graphql', import.meta.url), new URL('../dist/schema.graphql', import.meta.url));
