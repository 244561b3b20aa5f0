// The preview's learners: one current learner at a time, each with a cmi5 registration per course
// (kept across launches: "relaunch" is a new session of the same registration). Kept in
// <work>/preview-learners.json beside the LRS data so that restarting the preview resumes too.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Agent } from "@xapi/xapi";

export interface PreviewLearner {
  id: string;
  name: string;
  actor: Agent;
  /** cmi5 registration of this learner's enrolment. */
  registration: string;
}

interface LearnerData {
  format: 1;
  current: string;
  learners: PreviewLearner[];
}

export const PREVIEW_HOME_PAGE = "https://passmark.dev/preview";

export class LearnerBook {
  private readonly data: LearnerData;

  constructor(private readonly file: string | null) {
    if (file !== null && existsSync(file)) this.data = JSON.parse(readFileSync(file, "utf8")) as LearnerData;
    else {
      const first = makeLearner(1);
      this.data = { format: 1, current: first.id, learners: [first] };
      this.save();
    }
  }

  current(): PreviewLearner {
    const found = this.data.learners.find((l) => l.id === this.data.current);
    if (!found) throw new Error(`preview learners: current learner ${this.data.current} is missing from ${this.file ?? "memory"}`);
    return found;
  }

  /** The learner with this id becomes the current one; null when the preview has no such learner. */
  select(id: string): PreviewLearner | null {
    const found = this.data.learners.find((l) => l.id === id);
    if (!found) return null;
    this.data.current = found.id;
    this.save();
    return found;
  }

  /** A new learner (new actor, new registration) becomes the current one. */
  next(): PreviewLearner {
    const learner = makeLearner(this.data.learners.length + 1);
    this.data.learners.push(learner);
    this.data.current = learner.id;
    this.save();
    return learner;
  }

  private save(): void {
    if (this.file === null) return;
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.data));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

function makeLearner(n: number): PreviewLearner {
  const id = `learner-${n}`;
  const name = `Preview Learner ${n}`;
  return { id, name, actor: { objectType: "Agent", name, account: { homePage: PREVIEW_HOME_PAGE, name: id } }, registration: randomUUID() };
}
