// Writes an author course folder (course.json + Markdown pages + media) of any size, for the
// benchmarks: the 500-page / 2,000-question / 200 MB course of issue 2, and small courses for the
// delivery, SCORM and resume-state figures. Questions cycle through every gradable type.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface GeneratedCourseSpec {
  /** Course id suffix and title. */
  name: string;
  pages: number;
  questions: number;
  /** Total bytes of media (.mp4, incompressible), spread over `mediaFiles` files; 0 = none. */
  mediaBytes: number;
  mediaFiles: number;
  /** Attempts allowed (a positive integer or "unlimited"). */
  attempts: number | "unlimited";
  /** Allow attempts after a pass (so a benchmark can finish several attempts). */
  allowAttemptsAfterPass?: boolean;
  shuffleChoices?: boolean;
  passingScore?: number;
}

const TYPES = ["single-choice", "multiple-response", "true-false", "numeric", "text-entry", "matching", "ordering"] as const;

function pageMarkdown(n: number): string {
  return [
    `# Section ${n}`,
    "",
    `This page explains step **${n}** of the procedure. Read it carefully: the assessment at the end asks about it.`,
    "",
    "- Check the area before you start.",
    "- Tell a colleague what you are about to do.",
    `- Write down the reading of gauge ${n} in the log book.`,
    "",
    `> Tip ${n}: when in doubt, stop and ask. Nobody minds a question; everybody minds an accident.`,
    "",
  ].join("\n");
}

function question(i: number): Record<string, unknown> {
  const id = `q${String(i).padStart(4, "0")}`;
  const type = TYPES[i % TYPES.length]!;
  const prompt = `Question ${i}: which answer matches what page ${(i % 50) + 1} says?`;
  switch (type) {
    case "single-choice":
      return {
        id,
        type,
        prompt,
        choices: [
          { id: "a", text: `The reading of gauge ${i}`, correct: true },
          { id: "b", text: "The colour of the door" },
          { id: "c", text: "The name of the building" },
          { id: "d", text: "Nothing at all" },
        ],
      };
    case "multiple-response":
      return {
        id,
        type,
        prompt,
        choices: [
          { id: "a", text: "Check the area", correct: true },
          { id: "b", text: "Tell a colleague", correct: true },
          { id: "c", text: "Skip the log book" },
          { id: "d", text: "Run" },
        ],
      };
    case "true-false":
      return { id, type, prompt: `Statement ${i}: you should stop and ask when in doubt.`, answer: true };
    case "numeric":
      return { id, type, prompt: `Which gauge does step ${i} mention?`, answer: i };
    case "text-entry":
      return { id, type, prompt: `One word: what do you write the reading in? (${i})`, accepted: ["log book", "logbook"] };
    case "matching":
      return {
        id,
        type,
        prompt,
        pairs: [
          { id: "p1", source: "Gauge", target: "Reading" },
          { id: "p2", source: "Colleague", target: "Tell" },
          { id: "p3", source: "Doubt", target: "Ask" },
        ],
      };
    case "ordering":
      return { id, type, prompt: "Put the steps in order.", items: ["Check the area", "Tell a colleague", "Write the reading", "Start"] };
  }
}

/** Writes the course folder into `dir` (created) and returns the path of its course.json. */
export async function generateCourse(dir: string, spec: GeneratedCourseSpec): Promise<string> {
  await mkdir(join(dir, "pages"), { recursive: true });
  await mkdir(join(dir, "assets"), { recursive: true });
  const mediaSize = spec.mediaFiles > 0 ? Math.ceil(spec.mediaBytes / spec.mediaFiles) : 0;
  const mediaNames: string[] = [];
  for (let m = 0; m < spec.mediaFiles; m++) {
    const name = `assets/clip-${String(m).padStart(3, "0")}.mp4`;
    await writeFile(join(dir, name), randomBytes(mediaSize));
    mediaNames.push(name);
  }
  const pages: Record<string, unknown>[] = [];
  for (let p = 1; p <= spec.pages; p++) {
    const file = `pages/p${String(p).padStart(4, "0")}.md`;
    await writeFile(join(dir, file), pageMarkdown(p));
    const page: Record<string, unknown> = { id: `p${p}`, title: `Section ${p}`, body: file };
    // Media go on the first pages, one clip each.
    const clip = mediaNames[p - 1];
    if (clip) page.media = [{ id: `clip${p}`, kind: "video", src: clip, title: `Demonstration ${p}`, watchedThreshold: 0.9 }];
    pages.push(page);
  }
  const course: Record<string, unknown> = {
    id: `https://bench.passmark.test/courses/${spec.name}`,
    title: `Benchmark course ${spec.name}`,
    description: `Generated for the benchmarks: ${spec.pages} pages, ${spec.questions} questions.`,
    language: "en",
    pages,
    reporting: {
      cmi5: { moveOn: "CompletedAndPassed", launchMethod: "AnyWindow" },
      masteryScore: spec.passingScore ?? 80,
      scorm12: { statusMode: "passed-incomplete" },
      interactions: true,
    },
  };
  if (spec.questions > 0) {
    course.assessment = {
      id: "final",
      title: "Final assessment",
      attempts: spec.attempts,
      allowAttemptsAfterPass: spec.allowAttemptsAfterPass ?? false,
      review: "always",
      shuffleChoices: spec.shuffleChoices ?? true,
      questions: Array.from({ length: spec.questions }, (_, i) => question(i + 1)),
      rubric: { type: "pass-fail", passingAttemptScore: spec.passingScore ?? 80, passedResult: "$attempt_score", failedResult: "$attempt_score" },
    };
  }
  const path = join(dir, "course.json");
  await writeFile(path, JSON.stringify(course, null, 1));
  return path;
}
