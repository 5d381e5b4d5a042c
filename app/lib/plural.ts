/**
 * Plurals through Intl.PluralRules, so "1 meeting" and "2 meetings" come from one rule per
 * language (Vietnamese has only "other"). Pure.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

export function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule.select(n);
}

/** The form for n ("=0" style exact forms first), with "#" replaced by n. */
export function plural(locale: string, n: number, forms: PluralForms & Record<string, string | undefined>): string {
  const form = forms[`=${n}`] ?? forms[pluralCategory(locale, n)] ?? forms.other;
  return form.replace(/#/g, String(n));
}

/**
 * Fills ICU-style plural blocks, "{count, plural, one {# meeting} other {# meetings}}", taking
 * the number from params. Blocks whose number is missing are left as written.
 */
export function fillPlurals(locale: string, template: string, params: Record<string, string | number>): string {
  let out = "";
  let i = 0;
  for (;;) {
    const start = template.indexOf("{", i);
    if (start < 0) return out + template.slice(i);
    const head = /^\{(\w+), plural,/.exec(template.slice(start));
    if (!head) {
      out += template.slice(i, start + 1);
      i = start + 1;
      continue;
    }
    const parsed = parsePluralBody(template, start + head[0].length);
    if (!parsed) return out + template.slice(i);
    out += template.slice(i, start);
    if (!Object.prototype.hasOwnProperty.call(params, head[1])) out += template.slice(start, parsed.end);
    else {
      // A number already formatted for display ("1.234") takes the "other" form as written.
      const raw = params[head[1]];
      const value = typeof raw === "number" ? raw : Number(raw);
      out += Number.isFinite(value)
        ? plural(locale, value, parsed.forms)
        : parsed.forms.other.replace(/#/g, String(raw));
    }
    i = parsed.end;
  }
}

function parsePluralBody(
  template: string,
  from: number,
): { forms: PluralForms & Record<string, string>; end: number } | null {
  const forms: Record<string, string> = {};
  let i = from;
  for (;;) {
    while (template[i] === " ") i++;
    if (template[i] === "}") break;
    const key = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(i));
    if (!key) return null;
    i += key[0].length;
    let depth = 1;
    const bodyStart = i;
    while (i < template.length && depth > 0) {
      if (template[i] === "{") depth++;
      else if (template[i] === "}") depth--;
      i++;
    }
    if (depth > 0) return null;
    forms[key[1]] = template.slice(bodyStart, i - 1);
  }
  if (forms.other === undefined) return null;
  return { forms: forms as PluralForms & Record<string, string>, end: i + 1 };
}
