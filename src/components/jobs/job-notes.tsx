import { useTranslations } from "next-intl";

/** A job's or recurring cleanup's notes: public ones as text, private access notes set apart (only shown to whoever may read them). */
export function JobNotes({ publicNotes, accessNotes }: { publicNotes: string | null; accessNotes: string | null }) {
  const t = useTranslations("jobs");
  return (
    <>
      {publicNotes && <p className="whitespace-pre-wrap text-sm">{publicNotes}</p>}
      {accessNotes && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          <div className="font-semibold">{t("privateNotes")}</div>
          <p className="whitespace-pre-wrap">{accessNotes}</p>
        </div>
      )}
    </>
  );
}
