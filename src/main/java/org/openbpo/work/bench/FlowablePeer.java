package org.openbpo.work.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer in the lifecycle benchmark: an embedded Flowable engine, configured standalone as its
 * documentation shows, in its own database on the same PostgreSQL server, with a connection pool
 * as large as OpenBPO's. The process is the same lifecycle: start, a user task for the support
 * group (query by candidate group, claim), complete; history at level audit.
 */
final class FlowablePeer implements LifecycleRun.Engine, AutoCloseable {

    static final String DATABASE = "flowable_bench";

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" targetNamespace="https://openbpo.org/bench">
              <process id="supportTicket" name="Support ticket" isExecutable="true">
                <startEvent id="raised"/>
                <sequenceFlow id="toHandle" sourceRef="raised" targetRef="handle"/>
                <userTask id="handle" name="Handle ticket" flowable:candidateGroups="support"/>
                <sequenceFlow id="toSolved" sourceRef="handle" targetRef="solved"/>
                <endEvent id="solved"/>
              </process>
            </definitions>
            """;
    /**
     * Flowable logs every race an agent loses (a deadlock, a foreign-key error on a process the winner
     * already finished) at ERROR with its stack trace, hundreds a run; the peer counts them itself (lost
     * claims, retried completions) and the benchmark prints those counts.
     */
    private static final String RACE_LOG = "org.flowable.common.engine.impl.interceptor.CommandContext";
    /** How many free tasks one query looks at; workers start at different ones so they collide less. */
    private static final int WINDOW = 32;

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final AtomicLong lostClaims = new AtomicLong();
    private final AtomicLong retriedCompletions = new AtomicLong();

    private FlowablePeer(HikariDataSource dataSource, ProcessEngine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** Creates (or re-creates) the peer's database and starts the engine on it. */
    static FlowablePeer start(BenchDatabase database, int poolSize) throws SQLException {
        HikariDataSource dataSource = database.freshDatabase(DATABASE, poolSize);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setAsyncExecutorActivate(false);
        // Flowable's advice for concurrent use: ids without a shared database counter.
        configuration.setIdGenerator(new StrongUuidGenerator());
        LoggingSystem.get(FlowablePeer.class.getClassLoader()).setLogLevel(RACE_LOG, LogLevel.OFF);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("support ticket")
                .addBytes("support-ticket.bpmn20.xml", PROCESS.getBytes(StandardCharsets.UTF_8)).deploy();
        return new FlowablePeer(dataSource, engine);
    }

    @Override
    public void create(int worker) {
        engine.getRuntimeService().startProcessInstanceByKey("supportTicket");
    }

    @Override
    public @Nullable Object next(int worker) {
        List<Task> free = engine.getTaskService().createTaskQuery().taskCandidateGroup("support").taskUnassigned()
                .orderByTaskCreateTime().asc().listPage(0, WINDOW);
        for (int i = 0; i < free.size(); i++) {
            Task task = free.get((worker + i) % free.size());
            try {
                engine.getTaskService().claim(task.getId(), "agent-" + worker);
                return task.getId();
            } catch (RuntimeException taken) {
                // Another agent was quicker. Flowable reports a lost race in several ways: already
                // claimed, optimistic locking, not found, a deadlock or foreign-key error when the
                // winner already completed the task; its transaction was rolled back: try the next.
                lostClaims.incrementAndGet();
            }
        }
        return null;
    }

    @Override
    public void complete(int worker, Object claimed) {
        for (int attempt = 1; ; attempt++) {
            try {
                engine.getTaskService().complete((String) claimed);
                return;
            } catch (FlowableOptimisticLockingException | PersistenceException collided) {
                // a concurrent losing claim can still hold the process row: PostgreSQL breaks the deadlock, we retry
                if (attempt == 10) {
                    throw collided;
                }
                retriedCompletions.incrementAndGet();
            }
        }
    }

    long lostClaims() {
        return lostClaims.get();
    }

    long retriedCompletions() {
        return retriedCompletions.get();
    }

    long completedInHistory() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
        LoggingSystem.get(FlowablePeer.class.getClassLoader()).setLogLevel(RACE_LOG, null);
    }
}
