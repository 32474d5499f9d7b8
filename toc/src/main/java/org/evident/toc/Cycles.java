package org.evident.toc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Tarjan's strongly connected components, iterative so that deep graphs cannot overflow the stack. */
final class Cycles {
    private Cycles() {
    }

    /**
     * The strongly connected components of a directed graph, each listed starting from its
     * member that comes first in {@code vertices}' order; components in order of discovery.
     */
    static List<List<String>> stronglyConnected(Collection<String> vertices, Function<String, List<String>> next) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> components = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        for (String v : vertices) {
            order.put(v, order.size());
        }
        int[] counter = {0};
        for (String root : vertices) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                int i = (Integer) frame[1];
                if (i == 0 && !index.containsKey(v)) {
                    index.put(v, counter[0]);
                    low.put(v, counter[0]++);
                    stack.push(v);
                    onStack.add(v);
                }
                List<String> successors = next.apply(v);
                if (i < successors.size()) {
                    frame[1] = i + 1;
                    String w = successors.get(i);
                    if (!order.containsKey(w)) {
                        continue;
                    }
                    if (!index.containsKey(w)) {
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    component.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
                    components.add(component);
                }
            }
        }
        return components;
    }
}
