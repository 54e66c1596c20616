// The defined IDs of one kind in a trie, so "did you mean" does not compare a misspelt ID with every
// one of 20,000 IDs. A search walks the trie with the optimal-string-alignment rows of messages.ts's
// editDistance and prunes branches that can no longer come within the limit; what it finds is handed
// to didYouMean, so the answer is exactly didYouMean's over all IDs.
import { foldLookalikes } from '../text/lookalikes';
import { didYouMean } from '../text/didYouMean';
import { compareIds } from '../index/queries';

interface Node {
  children: Map<string, Node>;
  /** IDs whose lowercase spelling ends here (`PAY-1` and `pay-1` share a node). */
  ids: string[];
  /** How many IDs end in this subtree (empty subtrees are unlinked). */
  size: number;
}

function node(): Node {
  return { children: new Map(), ids: [], size: 0 };
}

/** didYouMean's tolerance for a word of this length (kept in step with messages.ts). */
function limitFor(length: number): number {
  return length <= 3 ? 1 : length <= 6 ? 2 : 3;
}

export class IdTrie {
  private root = node();

  get size(): number {
    return this.root.size;
  }

  add(id: string): void {
    const path = this.walk(id.toLowerCase(), true);
    if (!path) return;
    const end = path[path.length - 1];
    if (end.ids.includes(id)) return;
    end.ids.push(id);
    for (const n of path) n.size++;
  }

  delete(id: string): void {
    const lower = id.toLowerCase();
    const path = this.walk(lower, false);
    if (!path) return;
    const end = path[path.length - 1];
    const i = end.ids.indexOf(id);
    if (i < 0) return;
    end.ids.splice(i, 1);
    for (const n of path) n.size--;
    // Unlink the emptied tail.
    for (let k = path.length - 1; k > 0; k--) if (path[k].size === 0) path[k - 1].children.delete(lower[k - 1]);
  }

  /**
   * didYouMean(word, all IDs in natural order), computed from the few IDs that can be the answer:
   * a branch-and-bound walk keeps only the IDs at the smallest distance found so far (didYouMean
   * takes the nearest, ties to the earlier), so a homogeneous set of 20,000 `PAY-n` IDs, most of them
   * within three edits of a misspelt one, is not sorted and compared in full.
   */
  suggest(word: string): string | undefined {
    // A look-alike spelling (Cyrillic `РАY-1`) means the ASCII ID it looks like, when that exists.
    const folded = foldLookalikes(word.trim());
    if (folded !== word.trim() && this.has(folded)) return folded;
    const w = word.trim().toLowerCase();
    if (!w || w.length > 100) return undefined;
    let best = limitFor(w.length);
    let near: string[] = [];
    // Rows of the OSA table: row k holds the distances between the first k characters of the path and every prefix of w.
    const first = Array.from({ length: w.length + 1 }, (_, j) => j);
    const visit = (n: Node, ch: string, prevChar: string | undefined, prev: number[], prevMin: number, prev2: number[] | undefined, depth: number) => {
      const cur = [depth];
      let min = depth;
      for (let j = 1; j <= w.length; j++) {
        const cost = w[j - 1] === ch ? 0 : 1;
        let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && j > 1 && prevChar !== undefined && w[j - 1] === prevChar && w[j - 2] === ch) d = Math.min(d, prev2[j - 2] + 1);
        cur.push(d);
        if (d < min) min = d;
      }
      const d = cur[w.length];
      // didYouMean skips the word itself and answers no closer than the candidate's own length.
      if (d <= best && d < depth) {
        for (const id of n.ids) {
          if (id === word) continue;
          if (d < best) {
            best = d;
            near = [];
          }
          near.push(id);
        }
      }
      // Deeper rows are at least min(this row, previous row + 1): stop when both are out of reach.
      if (min > best && prevMin >= best) return;
      for (const [c, child] of n.children) visit(child, c, ch, cur, min, prev, depth + 1);
    };
    for (const [c, child] of this.root.children) visit(child, c, undefined, first, 0, undefined, 1);
    if (near.length > 0) return didYouMean(word, near.sort(compareIds));
    // No ID is near enough: didYouMean falls back to the first ID (in natural order) that starts with the word.
    if (w.length < 3) return undefined;
    let at: Node | undefined = this.root;
    for (let i = 0; i < w.length && at; i++) at = at.children.get(w[i]);
    const prefixed = at && this.firstBelow(at, word);
    return prefixed === undefined ? undefined : didYouMean(word, [prefixed]);
  }

  /**
   * What `suggest(word)` answers once `added` joins a set of IDs for which it answered `current`,
   * without searching again. didYouMean's answer is the least qualifying candidate in one fixed order
   * (nearest, then earliest), so the new ID only matters if it beats `current` on its own; the
   * look-alike rule comes first: the ID a look-alike spelling folds to wins whenever it exists.
   */
  static withAdded(word: string, current: string | undefined, added: string): string | undefined {
    const trimmed = word.trim();
    const folded = foldLookalikes(trimmed);
    if (folded !== trimmed) {
      if (current === folded) return current;
      if (added === folded) return added;
    }
    if (didYouMean(word, [added]) === undefined) return current;
    return current === undefined ? didYouMean(word, [added]) : didYouMean(word, [current, added].sort(compareIds));
  }

  has(id: string): boolean {
    const path = this.walk(id.toLowerCase(), false);
    return path !== undefined && path[path.length - 1].ids.includes(id);
  }

  /** The smallest ID (natural order) in a subtree, other than `except`. */
  private firstBelow(n: Node, except: string): string | undefined {
    let best: string | undefined;
    const stack = [n];
    while (stack.length > 0) {
      const x = stack.pop() as Node;
      for (const id of x.ids) if (id !== except && (best === undefined || compareIds(id, best) < 0)) best = id;
      for (const c of x.children.values()) stack.push(c);
    }
    return best;
  }

  private walk(lower: string, create: boolean): Node[] | undefined {
    const path = [this.root];
    let n = this.root;
    // By UTF-16 unit, as the distance rows index the word.
    for (let i = 0; i < lower.length; i++) {
      const c = lower[i];
      let next = n.children.get(c);
      if (!next) {
        if (!create) return undefined;
        n.children.set(c, (next = node()));
      }
      path.push(next);
      n = next;
    }
    return path;
  }
}
