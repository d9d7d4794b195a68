import { useTranslation } from "react-i18next";
import { indicatorDefinitionText } from "../../lib/indicator-definition";
import { LocalText } from "../local-text";

/**
 * What a computed indicator counts, worded in the reader's language from its metric and parameters;
 * the API's English words (`definitionText`) only if the parameters cannot be read.
 */
export function IndicatorDefinitionNote({ metric, definition, definitionText }: { metric: string | null; definition: Record<string, unknown>; definitionText: string }) {
  const { t, i18n } = useTranslation();
  const { t: tp } = useTranslation("programme");
  const worded = indicatorDefinitionText(t, i18n.language, metric, definition);
  return (
    <p className="note">
      <strong>{tp("indicator.definition")}</strong> {worded ?? <LocalText text={definitionText} lang="en" />}
    </p>
  );
}
