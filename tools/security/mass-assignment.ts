/**
 * Mass assignment (OWASP API3): the create and update operations of the OpenAPI document, and the fields an
 * attacker adds to them. Every request body schema must be closed (`additionalProperties: false`), so the
 * kit's strict validator refuses an unknown field with 400 VALIDATION_FAILED before anything runs.
 */

/** Fields that would matter if a body could set them: privilege, price, ownership, state, money. */
export const PRIVILEGED_FIELDS = [
  'role',
  'roles',
  'price',
  'sellerId',
  'status',
  'ownerId',
  'customerId',
  'balance',
  'isAdmin',
  'accountId',
] as const;

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  required?: string[];
}

/** The part of an OpenAPI document this module reads. */
export interface OpenApiBodies {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One create or update operation with its JSON body schema. */
export interface WriteOperation {
  method: string;
  path: string;
  access: string;
  schema: Schema;
}

const WRITES = new Set(['post', 'put', 'patch']);

function resolve(doc: OpenApiBodies, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; current.$ref && hops < 20; hops += 1) {
    const name = current.$ref.split('/').at(-1) ?? '';
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** Every POST/PUT/PATCH operation with a JSON body and an access declaration. */
export function writeOperations(doc: OpenApiBodies): WriteOperation[] {
  const found: WriteOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!WRITES.has(method) || typeof raw !== 'object' || raw === null) continue;
      const op = raw as {
        'x-access'?: string;
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      const json = op.requestBody?.content?.['application/json'];
      if (typeof op['x-access'] !== 'string' || !json) continue;
      found.push({
        method: method.toUpperCase(),
        path,
        access: op['x-access'],
        schema: resolve(doc, json.schema),
      });
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** JSON pointers of every object schema in a body that accepts properties it does not declare. */
export function openObjects(doc: OpenApiBodies, schema: Schema, at = ''): string[] {
  const resolved = resolve(doc, schema);
  const open: string[] = [];
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  const isObject = types.includes('object') || resolved.properties !== undefined;
  // A record (`additionalProperties: <schema>`, e.g. attributes or translations) declares its values: closed.
  if (
    isObject &&
    resolved.additionalProperties !== false &&
    typeof resolved.additionalProperties !== 'object'
  )
    open.push(at || '/');
  for (const [name, property] of Object.entries(resolved.properties ?? {}))
    open.push(...openObjects(doc, property, `${at}/${name}`));
  if (resolved.items) open.push(...openObjects(doc, resolved.items, `${at}/[]`));
  for (const variant of [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])])
    open.push(...openObjects(doc, variant, at));
  return open;
}

/** The privileged fields an operation's body does not declare: sending any of them must be refused. */
export function undeclaredPrivileged(doc: OpenApiBodies, operation: WriteOperation): string[] {
  const declared = new Set(Object.keys(resolve(doc, operation.schema).properties ?? {}));
  return PRIVILEGED_FIELDS.filter((field) => !declared.has(field));
}
