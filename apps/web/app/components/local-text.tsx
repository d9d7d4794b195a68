// Content text shown in the reader's language, or in its original one (no translation yet): then marked
// with `lang`, so that screen readers pronounce it right and the page says which language it is in.
import { useTranslation } from "react-i18next";

export function LocalText({ text, lang }: { text: string; lang: string }) {
  const { i18n } = useTranslation();
  return lang === i18n.language ? <>{text}</> : <span lang={lang}>{text}</span>;
}
