// The JSON syntax tree that ESLint's JSON language (`@eslint/json`, built on momoa) hands to rules,
// described by shape only: core/ reads it without depending on the parser or on ESLint.

interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

interface JsonNodeBase {
  readonly loc: { readonly start: JsonPosition; readonly end: JsonPosition };
  readonly range: readonly [number, number];
}

export interface JsonString extends JsonNodeBase {
  readonly type: 'String';
  readonly value: string;
}

export interface JsonMember extends JsonNodeBase {
  readonly type: 'Member';
  readonly name: JsonString | (JsonNodeBase & { readonly type: 'Identifier'; readonly name: string });
  readonly value: JsonValue;
}

export interface JsonObject extends JsonNodeBase {
  readonly type: 'Object';
  readonly members: readonly JsonMember[];
}

export interface JsonArray extends JsonNodeBase {
  readonly type: 'Array';
  readonly elements: readonly (JsonNodeBase & { readonly type: 'Element'; readonly value: JsonValue })[];
}

/** Numbers, booleans, null and JSON5's extras: values no check here needs to read. */
interface JsonOtherValue extends JsonNodeBase {
  readonly type: 'Boolean' | 'Infinity' | 'NaN' | 'Null' | 'Number' | 'Identifier';
}

export type JsonValue = JsonArray | JsonObject | JsonOtherValue | JsonString;

export interface JsonDocument extends JsonNodeBase {
  readonly type: 'Document';
  readonly body: JsonValue;
}

export type JsonNode = JsonDocument | JsonMember | JsonValue;

/** True for the root of a JSON syntax tree: tells a rule that runs on several languages which one it got. */
export function isJsonDocument(ast: unknown): ast is JsonDocument {
  return typeof ast === 'object' && ast !== null && (ast as { type?: unknown }).type === 'Document';
}

/** The member name as written, for JSON (`"name"`) and JSON5 (`name`). */
export function memberName(member: JsonMember): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

/**
 * The member of `object` named `name`, compared without case (Azure Functions reads binding
 * properties so). With duplicates, the last one wins, as in `JSON.parse`.
 */
export function memberOf(object: JsonObject, name: string): JsonMember | undefined {
  const wanted = name.toLowerCase();
  return object.members.findLast((member) => memberName(member).toLowerCase() === wanted);
}

/** Every string in the tree, with the member that holds it (undefined for array items and the root). */
export function stringsOf(value: JsonValue, member?: JsonMember): { node: JsonString; member: JsonMember | undefined }[] {
  switch (value.type) {
    case 'String':
      return [{ node: value, member }];
    case 'Object':
      return value.members.flatMap((child) => stringsOf(child.value, child));
    case 'Array':
      return value.elements.flatMap((element) => stringsOf(element.value));
    default:
      return [];
  }
}
