// A package with units opened without naming one, outside an LMS (standalone): the course's title,
// the standalone notice (nothing is recorded) and a link to each unit (?pmUnit=<id>), so the page is
// useful rather than blank. Under an LMS, boot shows an error instead (the LMS should name a unit).
import type { Translator } from "../i18n/index";
import type { UnitList } from "../course/unit-list";
import { UNIT_PARAMETER } from "../course/units";

export function UnitListScreen({ list, i18n }: { list: UnitList; i18n: Translator }) {
  return (
    <main class="pm-app pm-unit-list" lang={list.language}>
      <section class="pm-screen" aria-labelledby="pm-unit-list-title">
        <h1 id="pm-unit-list-title">{list.title}</h1>
        <p class="pm-notice" lang={i18n.lang}>
          {i18n.t("statusStandalone")}
        </p>
        <nav aria-label={i18n.t("courseMenu")} lang={i18n.lang}>
          <ul>
            {list.units.map((unit) => (
              <li key={unit.id} lang={list.language}>
                <a href={`?${UNIT_PARAMETER}=${encodeURIComponent(unit.id)}`}>{unit.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </section>
    </main>
  );
}
