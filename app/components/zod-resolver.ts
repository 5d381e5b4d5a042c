import { get, set, type FieldError, type FieldErrors, type Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * react-hook-form's resolver over a zod schema, as @hookform/resolvers' zodResolver
 * does it for the way useZodForm runs the form (the first error of each field, no
 * native browser validation): the schema's safeParseAsync; on success its output;
 * on failure the first issue of each dotted path (for a union, the first issue of the
 * member that came closest, and its members' own issues), nested by path with the
 * field's element as `ref` so that react-hook-form can focus it. The messages are
 * our dictionary keys, translated where they are shown.
 */
export function zodResolver<S extends z.ZodTypeAny>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const flat = firstIssues(result.error.issues);
    const errors: FieldErrors = {};
    for (const path in flat) {
      const field = get(options.fields, path) as { ref?: unknown; refs?: unknown[] } | undefined;
      const error = Object.assign(flat[path], { ref: field?.refs ? field.refs[0] : field?.ref });
      if (isArrayRoot(options.names ?? Object.keys(flat), path)) {
        set(errors, path, Object.assign({}, get(errors, path), { root: error }));
      } else {
        set(errors, path, error);
      }
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S>> };
  };
}

function firstIssues(issues: z.ZodIssue[]): Record<string, FieldError> {
  const errors: Record<string, FieldError> = Object.create(null);
  const queue = [...issues];
  for (let issue = queue.shift(); issue; issue = queue.shift()) {
    const path = issue.path.join(".");
    if (issue.code === "invalid_union") {
      if (!errors[path]) {
        const closest = issue.unionErrors.reduce((a, b) => (b.errors.length < a.errors.length ? b : a)).errors[0];
        errors[path] = { message: closest?.message ?? issue.message, type: closest?.code ?? issue.code };
      }
      for (const member of issue.unionErrors) queue.push(...member.errors);
    } else if (!errors[path]) {
      errors[path] = { message: issue.message, type: issue.code };
    }
  }
  return errors;
}

/** A field array's own error goes under `root` (react-hook-form keeps the items' errors at the indices). */
function isArrayRoot(names: string[], path: string) {
  const escaped = dotted(path).replace(/[.*+?^${}()|\\]/g, "\\$&");
  return names.some((n) => new RegExp(`^${escaped}\\.\\d+`).test(dotted(n)));
}

function dotted(name: string) {
  return name.replace(/\[(\d+)]/g, ".$1").replace(/[[\]]/g, "");
}
