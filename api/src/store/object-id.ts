// Ids cross the API as 24-hex strings and live in MongoDB as ObjectIds; this is the one place that converts.
import { ObjectId } from 'mongodb';

export { ObjectId };

/** null for anything that is not a well-formed id, so a malformed id reads as "not found". */
export function toObjectId(id: string): ObjectId | null {
  return /^[0-9a-f]{24}$/.test(id) ? new ObjectId(id) : null;
}

export function idOf(doc: { _id: ObjectId }): string {
  return doc._id.toHexString();
}

export function toObjectIds(ids: readonly string[]): ObjectId[] {
  return ids.flatMap((id) => {
    const oid = toObjectId(id);
    return oid ? [oid] : [];
  });
}
