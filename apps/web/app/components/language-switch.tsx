// The dashboard's languages, each named in itself, as buttons of one form: works without JavaScript,
// and the choice is kept (app/routes/language.ts).
import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const NAMES: Record<string, string> = { en: "English", ru: "Русский", kk: "Қазақша" };

export function LanguageSwitch({ languages, current }: { languages: string[]; current: string }) {
  const location = useLocation();
  const { t } = useTranslation();
  if (languages.length < 2) return null;
  return (
    <Form method="post" action="/language" className="site-nav__form language-switch" aria-label={t("app.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {languages
        .filter((language) => language !== current)
        .map((language) => (
          <button key={language} type="submit" name="lng" value={language} lang={language} className="link-button">
            {NAMES[language] ?? language}
          </button>
        ))}
    </Form>
  );
}
