// recast finds a tree's child nodes through ast-types' registry of node types, which lacks some that
// typescript-estree produces (`PropertyDefinition`, `TSClassImplements`, `AccessorProperty`, …).
// Without them, recast throws "did not recognize object of type …" while attaching a comment inside
// such a node (any commented Angular component) or while reprinting around one. Importing this module
// registers every missing type with the children typescript-estree's visitor keys give it; recast
// then attaches comments and reuses the original text of these nodes. It cannot print new ones: build
// replacements from types recast knows.
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { finalize, namedTypes, Type } from 'ast-types';

/** Class members: recast prints a class body only if every member passes as a statement. */
const CLASS_MEMBERS: readonly string[] = ['PropertyDefinition', 'AccessorProperty', 'TSAbstractPropertyDefinition', 'TSAbstractAccessorProperty', 'TSAbstractMethodDefinition'];

const { def, or } = Type;
const known = namedTypes as unknown as Record<string, unknown>;
const missing = Object.entries(visitorKeys).filter(([type]) => !(type in known));
for (const [type, keys] of missing) {
  const definition = def(type).bases(CLASS_MEMBERS.includes(type) ? 'Declaration' : 'Node');
  for (const key of keys ?? []) definition.field(key, or([def('Node')], def('Node'), null), () => null);
}
if (missing.length > 0) finalize();
