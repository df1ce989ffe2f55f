package dev.filehost;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages point one way. Every Java package is its own node (storage.s3 apart from
 * storage, the root package apart from cli), so a cycle between a package and its sub-package counts too.
 * Dependencies are read from the compiled classes, so fully qualified names and constants count as well.
 */
class PackageCyclesTest {
    private static final String BASE = "dev.filehost";

    @Test
    void noCycleBetweenPackages() {
        Map<String, Map<String, String>> graph = packageGraph();
        List<String> report = new ArrayList<>();
        for (Set<String> cycle : new StronglyConnected(graph).components()) {
            report.add(describe(cycle, graph));
        }
        assertThat(report).as("package cycles").isEmpty();
    }

    /** package → (package it uses → one example "Class -> Class" that makes the arrow). */
    private static Map<String, Map<String, String>> packageGraph() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (JavaClass origin : classes) {
            String from = packageOf(origin);
            Map<String, String> arrows = graph.computeIfAbsent(from, key -> new TreeMap<>());
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (!target.getPackageName().startsWith(BASE)) {
                    continue;
                }
                String to = packageOf(target);
                if (!to.equals(from)) {
                    arrows.putIfAbsent(to, origin.getSimpleName() + " -> " + target.getSimpleName());
                }
            }
        }
        return graph;
    }

    private static String packageOf(JavaClass type) {
        String name = type.getPackageName();
        return name.equals(BASE) ? "(root)" : name.substring(BASE.length() + 1);
    }

    private static String describe(Set<String> cycle, Map<String, Map<String, String>> graph) {
        StringBuilder text = new StringBuilder("cycle " + cycle + ":");
        for (String from : cycle) {
            graph.getOrDefault(from, Map.of()).forEach((to, example) -> {
                if (cycle.contains(to)) {
                    text.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(example).append(')');
                }
            });
        }
        return text.toString();
    }

    /** Tarjan's algorithm: the groups of packages that can all reach each other, of two or more. */
    private static final class StronglyConnected {
        private final Map<String, Map<String, String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Map<String, String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    components.add(component);
                }
            }
        }
    }
}
