// Ids from other systems (FollowTheMoney's "NK-2GdmHtZ…", Gephi's node ids) mapped into the dataset id alphabet
// [a-z0-9._-]. The mapping is one-to-one and reversible, so two different outside ids never meet in one entity, the
// same outside id always gives the same entity (a second load updates instead of duplicating), and the original id
// can always be read back from the entity id.
//
// Rule, for a namespace such as "ftm": an id already in the alphabet (starting with a letter or digit) that does not
// start with "ftm." stays as it is ("ofac-1234", "china"); any other id becomes "ftm." and its escaped form, where
// lower-case letters, digits, '.' and '-' stay, an upper-case letter becomes '_' and its lower case ("N" -> "_n") and
// any other character becomes "__", its code point in decimal and "." ("_" -> "__95."). Kept ids never start with
// "ftm.", escaped ones always do, and the escape reads back one way only: so no two ids meet.

const VALID_ID = /^[a-z0-9][a-z0-9._-]*$/;
const KEEP = /[a-z0-9.-]/;

function escapeId(external: string): string {
  let out = "";
  for (const ch of external) {
    if (KEEP.test(ch)) out += ch;
    else if (/[A-Z]/.test(ch)) out += "_" + ch.toLowerCase();
    else out += `__${ch.codePointAt(0)}.`;
  }
  return out;
}

function unescapeId(escaped: string): string | undefined {
  let out = "";
  for (let i = 0; i < escaped.length; i++) {
    const ch = escaped[i]!;
    if (ch !== "_") {
      if (!KEEP.test(ch)) return undefined;
      out += ch;
    } else if (escaped[i + 1] === "_") {
      const end = escaped.indexOf(".", i + 2);
      const digits = end < 0 ? "" : escaped.slice(i + 2, end);
      const code = Number(digits);
      if (!/^\d+$/.test(digits) || code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i = end;
    } else if (/[a-z]/.test(escaped[i + 1] ?? "")) {
      out += escaped[i + 1]!.toUpperCase();
      i++;
    } else return undefined;
  }
  return out;
}

/** The dataset id for an outside id in a namespace ("ftm", "gexf"): stable, one-to-one, reversible. */
export function toEntityId(namespace: string, external: string): string {
  const mark = namespace + ".";
  return VALID_ID.test(external) && !external.startsWith(mark) ? external : mark + escapeId(external);
}

/** The outside id an entity id was made from by toEntityId in that namespace; undefined if it was not made so. */
export function fromEntityId(namespace: string, id: string): string | undefined {
  const mark = namespace + ".";
  if (!id.startsWith(mark)) return VALID_ID.test(id) ? id : undefined;
  return unescapeId(id.slice(mark.length));
}
