/** "i-0abc (web-1)" — the id with its Name tag when there is one (untrusted text: never interpreted). */
export function labelOf(id: string, name?: string): string {
  return name ? `${id} (${name})` : id;
}
