package dev.safejdbc.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * What reached the real driver, as datasource-proxy saw it between safe-jdbc and the driver: each
 * execution's SQL text and its parameters by index (a {@code setNull} is recorded as null).
 */
final class SentStatements implements QueryExecutionListener {
    /** One execution: the exact text and the parameters 1..n in order. */
    record Sent(String sql, List<Object> parameters) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        for (QueryInfo query : queries) {
            List<List<ParameterSetOperation>> batches = query.getParametersList();
            if (batches.isEmpty()) {
                sent.add(new Sent(query.getQuery(), List.of()));
            }
            for (List<ParameterSetOperation> operations : batches) {
                sent.add(new Sent(query.getQuery(), parameters(operations)));
            }
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    private static List<Object> parameters(List<ParameterSetOperation> operations) {
        Map<Integer, Object> byIndex = new TreeMap<>();
        for (ParameterSetOperation operation : operations) {
            Object[] args = operation.getArgs();
            if (args.length == 0 || !(args[0] instanceof Integer index)) {
                continue;
            }
            boolean isNull = ParameterSetOperation.isSetNullParameterOperation(operation) || args.length < 2;
            byIndex.put(index, isNull ? null : args[1]);
        }
        return Collections.unmodifiableList(new ArrayList<>(byIndex.values()));
    }

    /** Everything sent so far, in order. */
    List<Sent> all() {
        return List.copyOf(sent);
    }

    /** The executions whose text mentions {@code table}, in order. */
    List<Sent> touching(String table) {
        return sent.stream().filter(s -> s.sql().contains(table)).toList();
    }

    /** The last execution whose text starts with {@code verb} (e.g. "UPDATE") and mentions {@code table}. */
    Sent last(String verb, String table) {
        List<Sent> matching = sent.stream()
                .filter(s -> s.sql().regionMatches(true, 0, verb, 0, verb.length()) && s.sql().contains(table))
                .toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no " + verb + " on " + table + " reached the driver; sent: " + sent);
        }
        return matching.get(matching.size() - 1);
    }

    void clear() {
        sent.clear();
    }
}
