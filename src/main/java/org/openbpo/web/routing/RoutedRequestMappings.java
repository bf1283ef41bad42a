package org.openbpo.web.routing;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds a request's handler among the few mappings its path can match instead of trying all of
 * them. Spring MVC looks a path with variables up by testing every registered mapping in turn —
 * several hundred here, about a tenth of the CPU an API request took. The mappings are kept in a
 * tree by path segment (a variable segment is a wildcard), so a path walks to its candidates; the
 * candidates are then matched and ranked exactly as Spring does. Whatever the tree cannot decide
 * alike for certain — no candidate matches (Spring then answers 404, 405 or 415), two tie, a CORS
 * pre-flight, a path with encoded characters, matrix variables or a trailing slash — goes to
 * Spring's own full lookup, so answers never differ, only the time taken to find them.
 */
public class RoutedRequestMappings extends RequestMappingHandlerMapping {

    private volatile @Nullable Routes routes;
    /** Counts registrations and removals: a tree built from the mappings before the latest one is built again. */
    private final AtomicLong changes = new AtomicLong();

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        List<RequestMappingInfo> candidates = CorsUtils.isPreFlightRequest(request) ? null : candidates(lookupPath);
        if (candidates == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var comparator = getMappingComparator(request);
        RequestMappingInfo best = null;
        RequestMappingInfo bestRegistered = null;
        RequestMappingInfo runnerUp = null;
        for (RequestMappingInfo candidate : candidates) {
            RequestMappingInfo match = getMatchingMapping(candidate, request);
            if (match == null) {
                continue;
            }
            if (best == null || comparator.compare(match, best) < 0) {
                runnerUp = best;
                best = match;
                bestRegistered = candidate;
            } else if (runnerUp == null || comparator.compare(match, runnerUp) < 0) {
                runnerUp = match;
            }
        }
        if (best == null || runnerUp != null && comparator.compare(best, runnerUp) == 0) {
            return super.lookupHandlerMethod(lookupPath, request); // Spring's 404/405/415 or its ambiguity error
        }
        HandlerMethod handler = routes().handlers.get(bestRegistered);
        if (handler == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best, lookupPath, request);
        return handler;
    }

    /** The mappings a path can match (a superset of those that do), or null when the tree does not decide for this path. */
    @Nullable List<RequestMappingInfo> candidates(String path) {
        if (path.length() < 2 || path.charAt(0) != '/' || path.endsWith("/") || path.indexOf('%') >= 0 || path.indexOf(';') >= 0
                || path.contains("//")) {
            return null;
        }
        Routes current = routes();
        List<RequestMappingInfo> found = new ArrayList<>(current.everywhere);
        current.root.collect(path.substring(1).split("/", -1), 0, found);
        return found;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        changes.incrementAndGet();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        changes.incrementAndGet();
    }

    private Routes routes() {
        Routes current = routes;
        long generation = changes.get();
        if (current == null || current.generation != generation) {
            current = new Routes(getHandlerMethods(), generation);
            routes = current;
        }
        return current;
    }

    private static final class Routes {
        final Map<RequestMappingInfo, HandlerMethod> handlers;
        final Node root = new Node();
        /** Mappings whose patterns span several segments ({@code **}, {@code {*rest}}) or are not path patterns: always candidates. */
        final List<RequestMappingInfo> everywhere = new ArrayList<>();
        /** The count of changes read before the mappings were: a change during the build makes it outdated at once. */
        final long generation;

        Routes(Map<RequestMappingInfo, HandlerMethod> handlers, long generation) {
            this.handlers = Map.copyOf(handlers);
            this.generation = generation;
            for (RequestMappingInfo mapping : handlers.keySet()) {
                var patterns = mapping.getPathPatternsCondition();
                if (patterns == null || patterns.getPatterns().isEmpty()
                        || patterns.getPatterns().stream().map(PathPattern::getPatternString).anyMatch(Routes::spansSegments)) {
                    everywhere.add(mapping);
                    continue;
                }
                for (PathPattern pattern : patterns.getPatterns()) {
                    String text = pattern.getPatternString();
                    Node node = root;
                    for (String segment : (text.startsWith("/") ? text.substring(1) : text).split("/", -1)) {
                        node = isWildcard(segment) ? node.anyChild() : node.child(segment);
                    }
                    if (!node.mappings.contains(mapping)) {
                        node.mappings.add(mapping);
                    }
                }
            }
        }

        private static boolean spansSegments(String pattern) {
            return pattern.contains("**") || pattern.contains("{*") || pattern.isEmpty() || pattern.equals("/") || pattern.endsWith("/");
        }

        private static boolean isWildcard(String segment) {
            return segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
        }
    }

    private static final class Node {
        final Map<String, Node> literal = new HashMap<>();
        @Nullable Node any;
        final List<RequestMappingInfo> mappings = new ArrayList<>();

        Node child(String segment) {
            return literal.computeIfAbsent(segment, s -> new Node());
        }

        Node anyChild() {
            if (any == null) {
                any = new Node();
            }
            return any;
        }

        void collect(String[] segments, int at, List<RequestMappingInfo> found) {
            if (at == segments.length) {
                found.addAll(mappings);
                return;
            }
            Node next = literal.get(segments[at]);
            if (next != null) {
                next.collect(segments, at + 1, found);
            }
            if (any != null && !segments[at].isEmpty()) {
                any.collect(segments, at + 1, found);
            }
        }
    }
}
