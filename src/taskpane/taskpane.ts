/**
 * The task pane's entry. Office.js (from Microsoft's CDN, a script tag in taskpane.html) calls
 * onReady; the pane speaks Swedish when Office's display language is Swedish, else English.
 */
import { languageOf } from "../i18n/language";
import { uiText } from "../i18n/ui";
import { Pane } from "./ui/pane";
import { applyOfficeTheme } from "./ui/theme";

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  applyOfficeTheme();
  const language = languageOf(Office.context?.displayLanguage);
  // Compared as text: the host enum is a string enum ("Excel"), and outside Office the host is null.
  if (String(info.host) !== "Excel") {
    root.textContent = uiText(language).notExcel;
    return;
  }
  void new Pane(root, language).start();
});
