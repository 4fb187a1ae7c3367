import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { Agent } from 'undici';
import { AttemptSlots } from '../../activities/attempt-slots.js';
import { createActivities } from '../../activities/index.js';
import { KeyedTurns } from '../common/keyed-turns.js';
import { workerDispatch } from '../dispatch/workflow-dispatch.js';
import { createHttpAgent } from '../../activities/post.js';
import { ClientTlsAgents } from '../../activities/client-tls.js';
import { OAuth2Tokens } from '../../activities/oauth2-tokens.js';
import { Config } from '../app-config.token.js';
import { WORKFLOW_TASKS_BESIDE_ATTEMPTS } from '../config.js';
import { createNetworkPolicy } from '../policy/network-policy.js';
import { Lifecycle } from '../health/lifecycle.js';
import { MetricsService } from '../health/metrics.service.js';
import { SecretBox } from '../secrets/secret-box.js';
import { MAX_TIMEOUT_MS } from '../subscriptions/subscription.dto.js';
import { workerIdentity, workflowCodeOption } from './workflow-bundle.js';
import { Tracing } from '../telemetry/tracing.js';

/** Runs the Temporal worker inside the Nest application; drains it on shutdown before connections close. */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('DeliveryWorker');
  private worker?: Worker;
  private running?: Promise<void>;
  private http?: Agent;
  private clientTls?: ClientTlsAgents;

  constructor(
    @Inject(Config) private readonly config: Config,
    @Inject(NativeConnection) private readonly connection: NativeConnection,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(SecretBox) private readonly box: SecretBox,
    @Inject(Tracing) private readonly tracing: Tracing,
    @Inject(Lifecycle) private readonly lifecycle: Lifecycle,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = createNetworkPolicy(this.config.allowHttpTargets, this.config.allowedPrivateCidrs);
    this.http = createHttpAgent(policy, this.config.egressProxy);
    this.clientTls = new ClientTlsAgents((tls) => createHttpAgent(policy, this.config.egressProxy, tls));
    const code = workflowCodeOption(this.tracing.enabled);
    const traced = this.tracing.temporal?.worker;
    const identity = workerIdentity(this.config.workerBuildId);
    this.worker = await Worker.create({
      connection: this.connection,
      identity,
      namespace: this.config.temporal.namespace,
      taskQueue: this.config.temporal.taskQueue,
      ...code,
      interceptors: { ...code.interceptors, ...traced?.interceptors },
      sinks: traced?.sinks,
      activities: createActivities({
        db: this.db,
        http: this.http,
        clientTls: this.clientTls,
        oauth2: new OAuth2Tokens(this.http, policy),
        slots: new AttemptSlots(this.config.workerMaxActivities),
        healthWrites: new KeyedTurns(),
        dispatch: workerDispatch(
          new Client({
            connection: this.connection,
            namespace: this.config.temporal.namespace,
            interceptors: this.tracing.temporal?.clientInterceptors,
          }),
          this.config.temporal.taskQueue,
          this.log,
        ),
        log: new Logger('Activities'),
        disableAfterHours: this.config.disableAfterHours,
        responseBodyLimit: this.config.responseBodyLimit,
        circuit: this.config.circuit,
        policy,
        box: this.box,
        onAttempt: (o) => this.metrics.recordAttempt(o),
        onDeferred: (reason) => this.metrics.attemptsDeferred.inc({ reason }),
        onPurged: () => this.metrics.jobSucceeded('purge'),
        onRowsDeleted: (d) => {
          this.metrics.retentionDeleted.inc({ table: 'events' }, d.eventsDeleted);
          this.metrics.retentionDeleted.inc({ table: 'deliveries' }, d.deliveriesDeleted);
          this.metrics.retentionDeleted.inc({ table: 'attempts' }, d.attemptsDeleted);
        },
      }),
      // An attempt (a local activity) keeps its workflow task open while it runs, so workflow task slots bound
      // attempts in flight as much as local activity slots do: room for every attempt, plus some for the tasks
      // that make none (timers firing, signals, deferrals).
      maxConcurrentLocalActivityExecutions: this.config.workerMaxActivities,
      maxConcurrentWorkflowTaskExecutions: this.config.workerMaxActivities + WORKFLOW_TASKS_BESIDE_ATTEMPTS,
      maxCachedWorkflows: this.config.workerMaxCachedWorkflows,
      // A SIGTERM lets every attempt in flight finish: longer than the longest timeout plus the outcome's write.
      shutdownGraceTime: `${MAX_TIMEOUT_MS / 1000 + 15}s`,
    });
    // /health answers 503 once this worker stops or fails unless asked to (a SIGTERM): the process is restarted.
    this.lifecycle.watchWorker(() => this.worker?.getState());
    this.running = this.worker.run().catch((err: unknown) => {
      this.log.error(`worker stopped: ${(err as Error).message}`);
    });
    this.log.log(`worker polling task queue ${this.config.temporal.taskQueue} as ${identity}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.http?.close();
    await this.clientTls?.close();
  }
}
