// The file-name stem of a course's zips: `<course-slug>-<target>.zip`.

/** "Fire safety: the basics" → "fire-safety-the-basics"; accents dropped; "course" when nothing is left. */
export function courseSlug(title: string, fallback = "course"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || fallback;
}

export function zipFileName(slug: string, target: string): string {
  return `${slug}-${target}.zip`;
}
