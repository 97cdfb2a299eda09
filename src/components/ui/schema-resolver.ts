"use client";
/**
 * react-hook-form resolvers that check a form with the server's own zod schema (src/lib/schemas/), in the words
 * the server's refusal would get (plainWordsError), so a limit is shown before the server is asked.
 *
 * `schemaResolver` is for a form whose values are the schema's input. `inputResolver` is for a form shaped for
 * people — a price typed in dollars, a pin as one value — that builds the server's input from its values: errors
 * on the input's fields are renamed back to the form's (`priceCents` → `price`), and words of its own (an amount
 * that is not one) come first.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, FieldValues, Path, Resolver } from "react-hook-form";
import type { z } from "zod";
import { plainWordsError } from "@/lib/validation-words";

export function schemaResolver<S extends z.ZodType<unknown, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return zodResolver(schema as never, { error: plainWordsError }) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
}

export function inputResolver<V extends FieldValues, S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  toInput: (values: V) => { input: z.input<S>; errors?: Partial<Record<Path<V>, string>> },
  rename: Partial<Record<string, Path<V>>> = {},
): Resolver<V, unknown, z.output<S>> {
  const check = schemaResolver(schema);
  return async (values, context, options) => {
    const { input, errors: own = {} } = toInput(values);
    const result = await check(input, context, { ...options, fields: {}, names: undefined, shouldUseNativeValidation: false } as never);
    const errors: Record<string, FieldError> = {};
    for (const [field, message] of Object.entries(own)) if (message) errors[field] = { type: "input", message: message as string };
    for (const [field, error] of Object.entries(result.errors)) {
      const name = rename[field] ?? field;
      if (!errors[name] && error) errors[name] = error as FieldError;
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<V> };
    return { values: result.values as z.output<S>, errors: {} };
  };
}
