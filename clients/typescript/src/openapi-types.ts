// Generated from the service's /openapi.json by openapi-typescript: do not edit.
// Regenerate with `npm run client:generate`; a test fails when this file and the served document differ.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TenantsController_listKeys"];
        put?: never;
        post: operations["TenantsController_createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["TenantsController_revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog/asyncapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_asyncApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeliveriesController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeliveriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DeliveriesController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DeliveriesController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventTypesController_list"];
        put?: never;
        post: operations["EventTypesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventTypesController_get"];
        put?: never;
        post?: never;
        delete: operations["EventTypesController_archive"];
        options?: never;
        head?: never;
        patch: operations["EventTypesController_update"];
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_list"];
        put?: never;
        post: operations["EventsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_get"];
        put?: never;
        post?: never;
        delete: operations["EventsController_forget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EventsController_batch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/filters/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FilterTestController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OperatorKeysController_list"];
        put?: never;
        post: operations["OperatorKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["OperatorKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PortalSessionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReplaysController_list"];
        put?: never;
        post: operations["ReplaysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReplaysController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReplaysController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubscriptionsController_list"];
        put?: never;
        post: operations["SubscriptionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubscriptionsController_get"];
        put?: never;
        post?: never;
        delete: operations["SubscriptionsController_remove"];
        options?: never;
        head?: never;
        patch: operations["SubscriptionsController_update"];
        trace?: never;
    };
    "/v1/subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubscriptionsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/filter-test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["FilterTestController_testSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["JwksController_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LinesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/lines/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["LinesController_skip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubscriptionsController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubscriptionsController_publicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubscriptionsController_recover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubscriptionsController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubscriptionsController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubscriptionsController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TenantsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TenantsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["TenantsController_update"];
        trace?: never;
    };
    "/v1/transformations/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TransformationsController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            /** @description The process's Temporal worker stopped or failed: restart it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: string;
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Postgres is reachable and the process is not shutting down */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        info: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
            /** @description Postgres is unreachable, or the process is draining after a SIGTERM */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        error: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        info: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "error";
                    };
                };
            };
        };
    };
    TenantsController_listKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            /** @description The key that made it (`key_...`, an operator key, or `admin` for ADMIN_API_KEY); null: made with the tenant by the service */
                            createdBy: string | null;
                            expiresAt: string | null;
                            id: string;
                            revokedAt: string | null;
                            scopes: ("ingest" | "read" | "subscriptions" | "manage" | "admin" | "operator")[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    TenantsController_createKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description From this instant the key is refused (401) like an unknown one. Never later than the making key's own expiry (422); default: that expiry, or never
                     */
                    expiresAt?: string;
                    /** @description `ingest`: post events; `read`: every GET; `manage`: everything but keys; `admin`: keys too. Default: all */
                    scopes?: ("ingest" | "read" | "subscriptions" | "manage" | "admin" | "operator")[];
                };
            };
        };
        responses: {
            /** @description Created; `apiKey` is shown only here */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apiKey: string;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description The key that made it (`key_...`, an operator key, or `admin` for ADMIN_API_KEY); null: made with the tenant by the service */
                        createdBy: string | null;
                        expiresAt: string | null;
                        id: string;
                        scopes: ("ingest" | "read" | "subscriptions" | "manage" | "admin" | "operator")[];
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    TenantsController_revokeKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    CatalogController_asyncApi: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description AsyncAPI 3.0 (JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        asyncapi: "3.0.0";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    DeliveriesController_search: {
        parameters: {
            query?: {
                cursor?: string;
                eventType?: string;
                kind?: "event" | "ping" | "test" | "redelivery";
                limit?: number;
                since?: string;
                status?: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                statusCode?: number;
                subscriptionId?: string;
                until?: string;
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            attemptCount: number;
                            /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                            cancelReason: "skipped" | null;
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "ping" | "test" | "redelivery";
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                            orderingKey: string | null;
                            /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                            predecessorId: string | null;
                            /** @description A redelivery: the delivery it sends again */
                            redeliveryOf: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                            subscriptionId: string;
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                            waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                            workflowId: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    DeliveriesController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptCount: number;
                        attempts: {
                            durationMs: number;
                            error: {
                                message: string;
                                /** @enum {string} */
                                type: "timeout" | "connection" | "dns" | "tls" | "blocked" | "redirect" | "auth" | "transform" | "internal";
                            } | null;
                            id: string;
                            number: number;
                            /** @description The IP address the request was sent to */
                            remoteAddress: string | null;
                            request: {
                                /** @description The headers as written on the wire, in order (as in HAR); credentials masked `****`; null if nothing was sent */
                                headers: {
                                    name: string;
                                    value: string;
                                }[] | null;
                            };
                            response: {
                                /** @description The receiver's answer headers (`set-cookie` and credentials masked); null without an answer */
                                headers: {
                                    [key: string]: string | string[];
                                } | null;
                            };
                            /** @description The first RESPONSE_BODY_LIMIT bytes (4 KiB by default) of the receiver's answer */
                            responseBody: string | null;
                            /** @description ISO 8601 UTC */
                            startedAt: string;
                            statusCode: number | null;
                            /** @description Where the time went, in milliseconds; null when the request never reached a connection */
                            timings: {
                                /** @description Opening the TCP connection (null on a kept-alive connection) */
                                connectMs: number | null;
                                /** @description Resolving the host (null for an IP address or a kept-alive connection) */
                                dnsMs: number | null;
                                /** @description From the attempt's start until the answer's headers arrived */
                                firstByteMs: number | null;
                                /** @description Sent on a kept-alive connection opened by an earlier request */
                                reusedConnection: boolean;
                                /** @description The TLS handshake (null for http or a kept-alive connection) */
                                tlsMs: number | null;
                                /** @description From the attempt's start until the answer was read (or the attempt failed) */
                                totalMs: number;
                            } | null;
                        }[];
                        /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                        cancelReason: "skipped" | null;
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        /** @enum {string} */
                        kind: "event" | "ping" | "test" | "redelivery";
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                        orderingKey: string | null;
                        /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                        predecessorId: string | null;
                        /** @description A redelivery: the delivery it sends again */
                        redeliveryOf: string | null;
                        /** @enum {string} */
                        status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                        subscriptionId: string;
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                        waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                        workflowId: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    DeliveriesController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptCount: number;
                        /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                        cancelReason: "skipped" | null;
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        /** @enum {string} */
                        kind: "event" | "ping" | "test" | "redelivery";
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                        orderingKey: string | null;
                        /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                        predecessorId: string | null;
                        /** @description A redelivery: the delivery it sends again */
                        redeliveryOf: string | null;
                        /** @enum {string} */
                        status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                        subscriptionId: string;
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                        waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                        workflowId: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    DeliveriesController_redeliver: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptCount: number;
                        /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                        cancelReason: "skipped" | null;
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        eventId: string;
                        eventType: string;
                        id: string;
                        /** @enum {string} */
                        kind: "event" | "ping" | "test" | "redelivery";
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                        orderingKey: string | null;
                        /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                        predecessorId: string | null;
                        /** @description A redelivery: the delivery it sends again */
                        redeliveryOf: string | null;
                        /** @enum {string} */
                        status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                        subscriptionId: string;
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                        waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                        workflowId: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventTypesController_list: {
        parameters: {
            query?: {
                cursor?: string;
                includeArchived?: "true" | "false";
                limit?: number;
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            archived: boolean;
                            builtIn: boolean;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            description: string | null;
                            name: string;
                            schema: {
                                [key: string]: unknown;
                            } | null;
                            /** @description ISO 8601 UTC */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventTypesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    name: string;
                    /** @description A JSON Schema (2020-12) every payload must satisfy */
                    schema?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        builtIn: boolean;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        description: string | null;
                        name: string;
                        schema: {
                            [key: string]: unknown;
                        } | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventTypesController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        builtIn: boolean;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        description: string | null;
                        name: string;
                        schema: {
                            [key: string]: unknown;
                        } | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventTypesController_archive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archived */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventTypesController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    schema?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        builtIn: boolean;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        description: string | null;
                        name: string;
                        schema: {
                            [key: string]: unknown;
                        } | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventsController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                since?: string;
                type?: string;
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            /** @description Exactly the JSON text it was sent with, byte for byte; null once purged (retention, or DELETE /v1/events/:id) */
                            data: {
                                [key: string]: unknown;
                            } | null;
                            id: string;
                            /** @description ISO 8601 UTC */
                            occurredAt: string;
                            /** @description When the payload was purged; the event, its deliveries and attempts stay */
                            purgedAt: string | null;
                            type: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
                /** @description A repeat with the same key returns the first answer */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        [key: string]: unknown;
                    };
                    id?: string;
                    /** Format: date-time */
                    occurredAt?: string;
                    type: string;
                };
            };
        };
        responses: {
            /** @description Accepted: the event and its deliveries are durable */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: {
                            id: string;
                            status: string;
                            subscriptionId: string;
                        }[];
                        id: string;
                        /** @description ISO 8601 UTC */
                        occurredAt: string;
                        type: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description Exactly the JSON text it was sent with, byte for byte; null once purged (retention, or DELETE /v1/events/:id) */
                        data: {
                            [key: string]: unknown;
                        } | null;
                        deliveries: {
                            attemptCount: number;
                            /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                            cancelReason: "skipped" | null;
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "ping" | "test" | "redelivery";
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                            orderingKey: string | null;
                            /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                            predecessorId: string | null;
                            /** @description A redelivery: the delivery it sends again */
                            redeliveryOf: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                            subscriptionId: string;
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                            waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                            workflowId: string;
                        }[];
                        id: string;
                        /** @description ISO 8601 UTC */
                        occurredAt: string;
                        /** @description When the payload was purged; the event, its deliveries and attempts stay */
                        purgedAt: string | null;
                        type: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventsController_forget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Purged */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    EventsController_batch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    events: unknown[];
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deliveries: {
                                id: string;
                                status: string;
                                subscriptionId: string;
                            }[];
                            id: string;
                            /** @description ISO 8601 UTC */
                            occurredAt: string;
                            type: string;
                        }[];
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    FilterTestController_test: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The event data to judge, as it would be posted */
                    data: {
                        [key: string]: unknown;
                    };
                    /** @description The filter to judge; null: no filter (every event matches) */
                    filter: {
                        [key: string]: unknown;
                    } | null;
                    /** @description The event type, for `$type` conditions (absent: they do not hold) */
                    type?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        matches: boolean;
                        /** @description The condition that decided it, e.g. `amount is 50, not > 100` */
                        reason: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    OperatorKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            /** @description The key that made it (`key_...`, an operator key, or `admin` for ADMIN_API_KEY); null: made with the tenant by the service */
                            createdBy: string | null;
                            expiresAt: string | null;
                            id: string;
                            revokedAt: string | null;
                            scopes: ("ingest" | "read" | "subscriptions" | "manage" | "admin" | "operator")[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    OperatorKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description From this instant the key is refused (401) like an unknown one. Never later than the making key's own expiry (422); default: that expiry, or never
                     */
                    expiresAt?: string;
                    /** @description What the key may do for the tenant it acts for (besides `operator`, which it always has). Default: all */
                    scopes?: ("ingest" | "read" | "subscriptions" | "manage" | "admin")[];
                };
            };
        };
        responses: {
            /** @description Created; `apiKey` is shown only here */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apiKey: string;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description The key that made it (`key_...`, an operator key, or `admin` for ADMIN_API_KEY); null: made with the tenant by the service */
                        createdBy: string | null;
                        expiresAt: string | null;
                        id: string;
                        scopes: ("ingest" | "read" | "subscriptions" | "manage" | "admin" | "operator")[];
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    OperatorKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked: the key stops at once */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    PortalSessionsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description Only look: no changes through the link
                     * @default false
                     */
                    readOnly?: boolean;
                    /**
                     * @description How long the link works, in seconds (1..86400, default 3600)
                     * @default 3600
                     */
                    ttlSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Created; give `url` to the person, or `token` to your own frontend */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ISO 8601 UTC */
                        expiresAt: string;
                        /** @description `hrp_...`: a bearer token for this tenant until `expiresAt` */
                        token: string;
                        /** @description The web console for this tenant, with the token in the fragment (never sent to a server) */
                        url: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    ReplaysController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "running" | "completed" | "cancelled" | "failed";
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            /** @description Only deliveries created before this are replayed (never the replay’s own) */
                            createdBefore: string;
                            /** @description As sent */
                            filters: {
                                [key: string]: unknown;
                            };
                            id: string;
                            /** @description Redeliveries made so far */
                            sent: number;
                            /** @description Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted */
                            skipped: number;
                            /**
                             * @description `cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)
                             * @enum {string}
                             */
                            status: "running" | "completed" | "cancelled" | "failed";
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask) */
                            total: number;
                            workflowId: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    ReplaysController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
                /** @description A repeat with the same key answers the first replay (200) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Answer how many deliveries the filters name, and a sample, without replaying */
                    dryRun?: boolean;
                    eventType?: string;
                    /**
                     * @description A replay names only `event` deliveries (the originals) unless this asks for another kind
                     * @enum {string}
                     */
                    kind?: "event" | "ping" | "test" | "redelivery";
                    /**
                     * Format: date-time
                     * @description Created at or after
                     */
                    since?: string;
                    /** @enum {string} */
                    status?: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                    /** @description The last attempt's HTTP status */
                    statusCode?: number;
                    subscriptionId?: string;
                    /**
                     * Format: date-time
                     * @description Created before
                     */
                    until?: string;
                };
            };
        };
        responses: {
            /** @description A dry run, or the replay this Idempotency-Key made before */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Deliveries the filters name: what a replay made now would go through; at most 10,000 (see countCapped) */
                        count: number;
                        /** @description The filters name more than `count`: counting stopped at 10,000 (the oldest), and the other figures are of those */
                        countCapped?: boolean;
                        /** @description The cut by the database’s clock: the request’s `until`, or now */
                        createdBefore: string;
                        /** @constant */
                        dryRun: true;
                        /** @description Cancelled deliveries are named only when the filters ask for status `cancelled` */
                        includesCancelled: boolean;
                        /**
                         * @description The kind of delivery named: `event` (originals) unless the filters ask for another
                         * @enum {string}
                         */
                        kind: "event" | "ping" | "test" | "redelivery";
                        /** @description Up to 10 of them, newest first */
                        sample: {
                            attemptCount: number;
                            /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                            cancelReason: "skipped" | null;
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "ping" | "test" | "redelivery";
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                            orderingKey: string | null;
                            /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                            predecessorId: string | null;
                            /** @description A redelivery: the delivery it sends again */
                            redeliveryOf: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                            subscriptionId: string;
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                            waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                            workflowId: string;
                        }[];
                        /** @description Of those, how many it would send again now */
                        wouldSend: number;
                        wouldSkip: {
                            /** @description A redelivery of it is under way or succeeded (another replay, a recover, a redeliver) */
                            alreadyResent: number;
                            /** @description Its event was purged or forgotten */
                            purged: number;
                            subscriptionDeleted: number;
                        };
                    } | {
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description Only deliveries created before this are replayed (never the replay’s own) */
                        createdBefore: string;
                        /** @description As sent */
                        filters: {
                            [key: string]: unknown;
                        };
                        id: string;
                        /** @description Redeliveries made so far */
                        sent: number;
                        /** @description Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted */
                        skipped: number;
                        /**
                         * @description `cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)
                         * @enum {string}
                         */
                        status: "running" | "completed" | "cancelled" | "failed";
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask) */
                        total: number;
                        workflowId: string;
                    };
                };
            };
            /** @description Started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description Only deliveries created before this are replayed (never the replay’s own) */
                        createdBefore: string;
                        /** @description As sent */
                        filters: {
                            [key: string]: unknown;
                        };
                        id: string;
                        /** @description Redeliveries made so far */
                        sent: number;
                        /** @description Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted */
                        skipped: number;
                        /**
                         * @description `cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)
                         * @enum {string}
                         */
                        status: "running" | "completed" | "cancelled" | "failed";
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask) */
                        total: number;
                        workflowId: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    ReplaysController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description Only deliveries created before this are replayed (never the replay’s own) */
                        createdBefore: string;
                        /** @description As sent */
                        filters: {
                            [key: string]: unknown;
                        };
                        id: string;
                        /** @description Redeliveries made so far */
                        sent: number;
                        /** @description Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted */
                        skipped: number;
                        /**
                         * @description `cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)
                         * @enum {string}
                         */
                        status: "running" | "completed" | "cancelled" | "failed";
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask) */
                        total: number;
                        workflowId: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    ReplaysController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completedAt: string | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description Only deliveries created before this are replayed (never the replay’s own) */
                        createdBefore: string;
                        /** @description As sent */
                        filters: {
                            [key: string]: unknown;
                        };
                        id: string;
                        /** @description Redeliveries made so far */
                        sent: number;
                        /** @description Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted */
                        skipped: number;
                        /**
                         * @description `cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)
                         * @enum {string}
                         */
                        status: "running" | "completed" | "cancelled" | "failed";
                        /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                        temporalUrl?: string;
                        /** @description Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask) */
                        total: number;
                        workflowId: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    StatsController_deliveries: {
        parameters: {
            query?: {
                since?: string;
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Deliveries created in the window, by their current status */
                        byStatus: {
                            cancelled: number;
                            failed: number;
                            held: number;
                            retrying: number;
                            scheduled: number;
                            sending: number;
                            succeeded: number;
                        };
                        /** @description The same counts per hour of creation, oldest first, every hour of the window present */
                        hourly: {
                            cancelled: number;
                            failed: number;
                            held: number;
                            /** @description Start of the hour (UTC) */
                            hour: string;
                            retrying: number;
                            scheduled: number;
                            sending: number;
                            succeeded: number;
                        }[];
                        /** @description ISO 8601 UTC */
                        since: string;
                        total: number;
                        /** @description ISO 8601 UTC */
                        until: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_list: {
        parameters: {
            query?: {
                cursor?: string;
                event?: string;
                limit?: number;
                status?: "active" | "paused" | "disabled";
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            auth: null | {
                                /** @constant */
                                type: "basic";
                                username: string;
                            } | {
                                /** @constant */
                                type: "bearer";
                            } | {
                                audience: string | null;
                                clientId: string;
                                scope: string | null;
                                tokenUrl: string;
                                /** @constant */
                                type: "oauth2";
                            };
                            /** @description The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`) */
                            circuit: {
                                consecutiveFailures: number;
                                openUntil: string | null;
                                /** @enum {string} */
                                state: "closed" | "open" | "half-open";
                            };
                            /** @description Mutual TLS: the client certificate presented (its subject and end; the private key is never shown) */
                            clientTls: {
                                /** @description ISO 8601 UTC */
                                expiresAt: string;
                                serverCa: boolean;
                                subject: string;
                            } | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            disabledReason: string | null;
                            events: string[];
                            /** @enum {string} */
                            fifoOnFailure: "skip" | "block";
                            filter: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Credentials (by name, or marked secret) read `****` */
                            headers: {
                                [key: string]: string;
                            };
                            id: string;
                            /** @description Attempts in flight at once at most; null: no limit */
                            maxConcurrency: number | null;
                            name: string;
                            /** @enum {string} */
                            ordering: "none" | "fifo";
                            orderingKey: string | null;
                            /** @enum {string} */
                            payloadFormat: "envelope" | "raw" | "form";
                            /** @description At most `perSecond` attempts per second, `burst` at once; null: no limit */
                            rateLimit: {
                                burst: number;
                                perSecond: number;
                            } | null;
                            retrySchedule: number[];
                            signature: {
                                header: string | null;
                                /** @description ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key) */
                                publicKey: string | null;
                                /** @enum {string} */
                                scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                                /** @description The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone */
                                timestamped: boolean;
                            };
                            /** @enum {string} */
                            status: "active" | "paused" | "disabled";
                            /** @description The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled) */
                            throttledUntil: string | null;
                            timeoutMs: number;
                            /** @description Requests carry W3C `traceparent`/`tracestate` */
                            traceContext: boolean;
                            /** @description The JSONata expression that reshapes the body; null: none */
                            transform: string | null;
                            /** @description ISO 8601 UTC */
                            updatedAt: string;
                            url: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    auth?: ({
                        password: string;
                        /** @constant */
                        type: "basic";
                        username: string;
                    } | {
                        token: string;
                        /** @constant */
                        type: "bearer";
                    } | {
                        audience?: string;
                        clientId: string;
                        /** @description Write-only: sealed at rest, never read back */
                        clientSecret: string;
                        scope?: string;
                        /** @description The token endpoint: asked with the client-credentials grant, under the same network policy as `url` */
                        tokenUrl: string;
                        /** @constant */
                        type: "oauth2";
                    }) | null;
                    /** @description Mutual TLS: the certificate presented to the receiver; replaced whole, null removes it */
                    clientTls?: {
                        /** @description PEM: the client certificate (and any intermediates after it) */
                        certificate: string;
                        /** @description PEM, unencrypted; write-only: sealed at rest, never read back */
                        privateKey: string;
                        /** @description PEM: the CA(s) the receiver's own certificate must chain to, for this subscription only (default: the public CAs) */
                        serverCa?: string | null;
                    } | null;
                    events: string[];
                    /**
                     * @description With `fifo`: after a head exhausts its retries, its line goes on (`skip`) or waits for a person to redeliver or skip the head (`block`)
                     * @enum {string}
                     */
                    fifoOnFailure?: "skip" | "block";
                    filter?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description Extra request headers. Values of headers named like credentials (containing auth, token, secret, passw, key, credential, signature, session, cookie, ...) are sealed and read back `****` (writing `****` back keeps the stored value); mark any other secret with `{ "value": ..., "secret": true }` */
                    headers?: {
                        [key: string]: string | {
                            /** @constant */
                            secret: true;
                            value: string;
                        };
                    };
                    /** @description Attempts in flight at once to this subscription, across all workers (1..1000); null: no limit */
                    maxConcurrency?: number | null;
                    name?: string;
                    /**
                     * @description `fifo`: a delivery is sent only after the previous one of its line (same subscription, same `orderingKey` value) ended
                     * @enum {string}
                     */
                    ordering?: "none" | "fifo";
                    /** @description With `fifo`: the JSON pointer whose value in the event data names the line; null: the whole subscription is one line */
                    orderingKey?: string | null;
                    /** @enum {string} */
                    payloadFormat?: "envelope" | "raw" | "form";
                    ping?: boolean;
                    /** @description At most `perSecond` attempts per second to this subscription, across all workers, `burst` at once; waiting work is held (no attempt used), never dropped. null: no limit */
                    rateLimit?: {
                        /** @description How many may go at once after a quiet spell (default: one second’s worth, at least 1) */
                        burst?: number;
                        /** @description Attempts per second at most (0.01..10000, fractions allowed: 0.5 is one every 2 s) */
                        perSecond: number;
                    } | null;
                    retrySchedule?: number[];
                    signature?: {
                        header?: string;
                        /**
                         * @description `standard-webhooks` (HMAC, `v1`), `ed25519` (Standard Webhooks `v1a`: receivers verify with the public key), `hmac-sha256`, `hmac-sha1`
                         * @enum {string}
                         */
                        scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                        /** @description hmac-sha256 and hmac-sha1 only: sign `{timestamp}.{body}` and send `x-webhook-timestamp`, against replays (default false) */
                        timestamped?: boolean;
                    };
                    timeoutMs?: number;
                    /** @description Send W3C `traceparent`/`tracestate` with each request, so the receiver's spans join the delivery's trace (when the service traces). Default false */
                    traceContext?: boolean;
                    /** @description A JSONata expression applied to what would be sent (the envelope object, or `data` for `raw`; not with `form`) before signing: its result, a JSON object, is the body. null: none */
                    transform?: string | null;
                    url: string;
                };
                "application/x-www-form-urlencoded": {
                    auth?: ({
                        password: string;
                        /** @constant */
                        type: "basic";
                        username: string;
                    } | {
                        token: string;
                        /** @constant */
                        type: "bearer";
                    } | {
                        audience?: string;
                        clientId: string;
                        /** @description Write-only: sealed at rest, never read back */
                        clientSecret: string;
                        scope?: string;
                        /** @description The token endpoint: asked with the client-credentials grant, under the same network policy as `url` */
                        tokenUrl: string;
                        /** @constant */
                        type: "oauth2";
                    }) | null;
                    /** @description Mutual TLS: the certificate presented to the receiver; replaced whole, null removes it */
                    clientTls?: {
                        /** @description PEM: the client certificate (and any intermediates after it) */
                        certificate: string;
                        /** @description PEM, unencrypted; write-only: sealed at rest, never read back */
                        privateKey: string;
                        /** @description PEM: the CA(s) the receiver's own certificate must chain to, for this subscription only (default: the public CAs) */
                        serverCa?: string | null;
                    } | null;
                    events: string[];
                    /**
                     * @description With `fifo`: after a head exhausts its retries, its line goes on (`skip`) or waits for a person to redeliver or skip the head (`block`)
                     * @enum {string}
                     */
                    fifoOnFailure?: "skip" | "block";
                    filter?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description Extra request headers. Values of headers named like credentials (containing auth, token, secret, passw, key, credential, signature, session, cookie, ...) are sealed and read back `****` (writing `****` back keeps the stored value); mark any other secret with `{ "value": ..., "secret": true }` */
                    headers?: {
                        [key: string]: string | {
                            /** @constant */
                            secret: true;
                            value: string;
                        };
                    };
                    /** @description Attempts in flight at once to this subscription, across all workers (1..1000); null: no limit */
                    maxConcurrency?: number | null;
                    name?: string;
                    /**
                     * @description `fifo`: a delivery is sent only after the previous one of its line (same subscription, same `orderingKey` value) ended
                     * @enum {string}
                     */
                    ordering?: "none" | "fifo";
                    /** @description With `fifo`: the JSON pointer whose value in the event data names the line; null: the whole subscription is one line */
                    orderingKey?: string | null;
                    /** @enum {string} */
                    payloadFormat?: "envelope" | "raw" | "form";
                    ping?: boolean;
                    /** @description At most `perSecond` attempts per second to this subscription, across all workers, `burst` at once; waiting work is held (no attempt used), never dropped. null: no limit */
                    rateLimit?: {
                        /** @description How many may go at once after a quiet spell (default: one second’s worth, at least 1) */
                        burst?: number;
                        /** @description Attempts per second at most (0.01..10000, fractions allowed: 0.5 is one every 2 s) */
                        perSecond: number;
                    } | null;
                    retrySchedule?: number[];
                    signature?: {
                        header?: string;
                        /**
                         * @description `standard-webhooks` (HMAC, `v1`), `ed25519` (Standard Webhooks `v1a`: receivers verify with the public key), `hmac-sha256`, `hmac-sha1`
                         * @enum {string}
                         */
                        scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                        /** @description hmac-sha256 and hmac-sha1 only: sign `{timestamp}.{body}` and send `x-webhook-timestamp`, against replays (default false) */
                        timestamped?: boolean;
                    };
                    timeoutMs?: number;
                    /** @description Send W3C `traceparent`/`tracestate` with each request, so the receiver's spans join the delivery's trace (when the service traces). Default false */
                    traceContext?: boolean;
                    /** @description A JSONata expression applied to what would be sent (the envelope object, or `data` for `raw`; not with `form`) before signing: its result, a JSON object, is the body. null: none */
                    transform?: string | null;
                    url: string;
                };
            };
        };
        responses: {
            /** @description Created; `secret` is shown only here */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        auth: null | {
                            /** @constant */
                            type: "basic";
                            username: string;
                        } | {
                            /** @constant */
                            type: "bearer";
                        } | {
                            audience: string | null;
                            clientId: string;
                            scope: string | null;
                            tokenUrl: string;
                            /** @constant */
                            type: "oauth2";
                        };
                        /** @description The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`) */
                        circuit: {
                            consecutiveFailures: number;
                            openUntil: string | null;
                            /** @enum {string} */
                            state: "closed" | "open" | "half-open";
                        };
                        /** @description Mutual TLS: the client certificate presented (its subject and end; the private key is never shown) */
                        clientTls: {
                            /** @description ISO 8601 UTC */
                            expiresAt: string;
                            serverCa: boolean;
                            subject: string;
                        } | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        disabledReason: string | null;
                        events: string[];
                        /** @enum {string} */
                        fifoOnFailure: "skip" | "block";
                        filter: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Credentials (by name, or marked secret) read `****` */
                        headers: {
                            [key: string]: string;
                        };
                        id: string;
                        /** @description Attempts in flight at once at most; null: no limit */
                        maxConcurrency: number | null;
                        name: string;
                        /** @enum {string} */
                        ordering: "none" | "fifo";
                        orderingKey: string | null;
                        /** @enum {string} */
                        payloadFormat: "envelope" | "raw" | "form";
                        /** @description At most `perSecond` attempts per second, `burst` at once; null: no limit */
                        rateLimit: {
                            burst: number;
                            perSecond: number;
                        } | null;
                        retrySchedule: number[];
                        /** @description The `whsec_` signing secret, shown only here; null for ed25519, whose signing key never leaves the service (receivers verify with `signature.publicKey`) */
                        secret: string | null;
                        signature: {
                            header: string | null;
                            /** @description ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key) */
                            publicKey: string | null;
                            /** @enum {string} */
                            scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                            /** @description The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone */
                            timestamped: boolean;
                        };
                        /** @enum {string} */
                        status: "active" | "paused" | "disabled";
                        /** @description The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled) */
                        throttledUntil: string | null;
                        timeoutMs: number;
                        /** @description Requests carry W3C `traceparent`/`tracestate` */
                        traceContext: boolean;
                        /** @description The JSONata expression that reshapes the body; null: none */
                        transform: string | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        auth: null | {
                            /** @constant */
                            type: "basic";
                            username: string;
                        } | {
                            /** @constant */
                            type: "bearer";
                        } | {
                            audience: string | null;
                            clientId: string;
                            scope: string | null;
                            tokenUrl: string;
                            /** @constant */
                            type: "oauth2";
                        };
                        /** @description The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`) */
                        circuit: {
                            consecutiveFailures: number;
                            openUntil: string | null;
                            /** @enum {string} */
                            state: "closed" | "open" | "half-open";
                        };
                        /** @description Mutual TLS: the client certificate presented (its subject and end; the private key is never shown) */
                        clientTls: {
                            /** @description ISO 8601 UTC */
                            expiresAt: string;
                            serverCa: boolean;
                            subject: string;
                        } | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        disabledReason: string | null;
                        events: string[];
                        /** @enum {string} */
                        fifoOnFailure: "skip" | "block";
                        filter: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Credentials (by name, or marked secret) read `****` */
                        headers: {
                            [key: string]: string;
                        };
                        id: string;
                        /** @description Attempts in flight at once at most; null: no limit */
                        maxConcurrency: number | null;
                        name: string;
                        /** @enum {string} */
                        ordering: "none" | "fifo";
                        orderingKey: string | null;
                        /** @enum {string} */
                        payloadFormat: "envelope" | "raw" | "form";
                        /** @description At most `perSecond` attempts per second, `burst` at once; null: no limit */
                        rateLimit: {
                            burst: number;
                            perSecond: number;
                        } | null;
                        retrySchedule: number[];
                        signature: {
                            header: string | null;
                            /** @description ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key) */
                            publicKey: string | null;
                            /** @enum {string} */
                            scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                            /** @description The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone */
                            timestamped: boolean;
                        };
                        /** @enum {string} */
                        status: "active" | "paused" | "disabled";
                        /** @description The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled) */
                        throttledUntil: string | null;
                        timeoutMs: number;
                        /** @description Requests carry W3C `traceparent`/`tracestate` */
                        traceContext: boolean;
                        /** @description The JSONata expression that reshapes the body; null: none */
                        transform: string | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; unfinished deliveries cancelled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    auth?: ({
                        password: string;
                        /** @constant */
                        type: "basic";
                        username: string;
                    } | {
                        token: string;
                        /** @constant */
                        type: "bearer";
                    } | {
                        audience?: string;
                        clientId: string;
                        /** @description Write-only: sealed at rest, never read back */
                        clientSecret: string;
                        scope?: string;
                        /** @description The token endpoint: asked with the client-credentials grant, under the same network policy as `url` */
                        tokenUrl: string;
                        /** @constant */
                        type: "oauth2";
                    }) | null;
                    /** @description Mutual TLS: the certificate presented to the receiver; replaced whole, null removes it */
                    clientTls?: {
                        /** @description PEM: the client certificate (and any intermediates after it) */
                        certificate: string;
                        /** @description PEM, unencrypted; write-only: sealed at rest, never read back */
                        privateKey: string;
                        /** @description PEM: the CA(s) the receiver's own certificate must chain to, for this subscription only (default: the public CAs) */
                        serverCa?: string | null;
                    } | null;
                    events?: string[];
                    /**
                     * @description With `fifo`: after a head exhausts its retries, its line goes on (`skip`) or waits for a person to redeliver or skip the head (`block`)
                     * @enum {string}
                     */
                    fifoOnFailure?: "skip" | "block";
                    filter?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description Extra request headers. Values of headers named like credentials (containing auth, token, secret, passw, key, credential, signature, session, cookie, ...) are sealed and read back `****` (writing `****` back keeps the stored value); mark any other secret with `{ "value": ..., "secret": true }` */
                    headers?: {
                        [key: string]: string | {
                            /** @constant */
                            secret: true;
                            value: string;
                        };
                    };
                    /** @description Attempts in flight at once to this subscription, across all workers (1..1000); null: no limit */
                    maxConcurrency?: number | null;
                    name?: string;
                    /**
                     * @description `fifo`: a delivery is sent only after the previous one of its line (same subscription, same `orderingKey` value) ended
                     * @enum {string}
                     */
                    ordering?: "none" | "fifo";
                    /** @description With `fifo`: the JSON pointer whose value in the event data names the line; null: the whole subscription is one line */
                    orderingKey?: string | null;
                    /** @enum {string} */
                    payloadFormat?: "envelope" | "raw" | "form";
                    /** @description At most `perSecond` attempts per second to this subscription, across all workers, `burst` at once; waiting work is held (no attempt used), never dropped. null: no limit */
                    rateLimit?: {
                        /** @description How many may go at once after a quiet spell (default: one second’s worth, at least 1) */
                        burst?: number;
                        /** @description Attempts per second at most (0.01..10000, fractions allowed: 0.5 is one every 2 s) */
                        perSecond: number;
                    } | null;
                    retrySchedule?: number[];
                    signature?: {
                        header?: string;
                        /**
                         * @description `standard-webhooks` (HMAC, `v1`), `ed25519` (Standard Webhooks `v1a`: receivers verify with the public key), `hmac-sha256`, `hmac-sha1`
                         * @enum {string}
                         */
                        scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                        /** @description hmac-sha256 and hmac-sha1 only: sign `{timestamp}.{body}` and send `x-webhook-timestamp`, against replays (default false) */
                        timestamped?: boolean;
                    };
                    timeoutMs?: number;
                    /** @description Send W3C `traceparent`/`tracestate` with each request, so the receiver's spans join the delivery's trace (when the service traces). Default false */
                    traceContext?: boolean;
                    /** @description A JSONata expression applied to what would be sent (the envelope object, or `data` for `raw`; not with `form`) before signing: its result, a JSON object, is the body. null: none */
                    transform?: string | null;
                    url?: string;
                };
                "application/x-www-form-urlencoded": {
                    auth?: ({
                        password: string;
                        /** @constant */
                        type: "basic";
                        username: string;
                    } | {
                        token: string;
                        /** @constant */
                        type: "bearer";
                    } | {
                        audience?: string;
                        clientId: string;
                        /** @description Write-only: sealed at rest, never read back */
                        clientSecret: string;
                        scope?: string;
                        /** @description The token endpoint: asked with the client-credentials grant, under the same network policy as `url` */
                        tokenUrl: string;
                        /** @constant */
                        type: "oauth2";
                    }) | null;
                    /** @description Mutual TLS: the certificate presented to the receiver; replaced whole, null removes it */
                    clientTls?: {
                        /** @description PEM: the client certificate (and any intermediates after it) */
                        certificate: string;
                        /** @description PEM, unencrypted; write-only: sealed at rest, never read back */
                        privateKey: string;
                        /** @description PEM: the CA(s) the receiver's own certificate must chain to, for this subscription only (default: the public CAs) */
                        serverCa?: string | null;
                    } | null;
                    events?: string[];
                    /**
                     * @description With `fifo`: after a head exhausts its retries, its line goes on (`skip`) or waits for a person to redeliver or skip the head (`block`)
                     * @enum {string}
                     */
                    fifoOnFailure?: "skip" | "block";
                    filter?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description Extra request headers. Values of headers named like credentials (containing auth, token, secret, passw, key, credential, signature, session, cookie, ...) are sealed and read back `****` (writing `****` back keeps the stored value); mark any other secret with `{ "value": ..., "secret": true }` */
                    headers?: {
                        [key: string]: string | {
                            /** @constant */
                            secret: true;
                            value: string;
                        };
                    };
                    /** @description Attempts in flight at once to this subscription, across all workers (1..1000); null: no limit */
                    maxConcurrency?: number | null;
                    name?: string;
                    /**
                     * @description `fifo`: a delivery is sent only after the previous one of its line (same subscription, same `orderingKey` value) ended
                     * @enum {string}
                     */
                    ordering?: "none" | "fifo";
                    /** @description With `fifo`: the JSON pointer whose value in the event data names the line; null: the whole subscription is one line */
                    orderingKey?: string | null;
                    /** @enum {string} */
                    payloadFormat?: "envelope" | "raw" | "form";
                    /** @description At most `perSecond` attempts per second to this subscription, across all workers, `burst` at once; waiting work is held (no attempt used), never dropped. null: no limit */
                    rateLimit?: {
                        /** @description How many may go at once after a quiet spell (default: one second’s worth, at least 1) */
                        burst?: number;
                        /** @description Attempts per second at most (0.01..10000, fractions allowed: 0.5 is one every 2 s) */
                        perSecond: number;
                    } | null;
                    retrySchedule?: number[];
                    signature?: {
                        header?: string;
                        /**
                         * @description `standard-webhooks` (HMAC, `v1`), `ed25519` (Standard Webhooks `v1a`: receivers verify with the public key), `hmac-sha256`, `hmac-sha1`
                         * @enum {string}
                         */
                        scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                        /** @description hmac-sha256 and hmac-sha1 only: sign `{timestamp}.{body}` and send `x-webhook-timestamp`, against replays (default false) */
                        timestamped?: boolean;
                    };
                    timeoutMs?: number;
                    /** @description Send W3C `traceparent`/`tracestate` with each request, so the receiver's spans join the delivery's trace (when the service traces). Default false */
                    traceContext?: boolean;
                    /** @description A JSONata expression applied to what would be sent (the envelope object, or `data` for `raw`; not with `form`) before signing: its result, a JSON object, is the body. null: none */
                    transform?: string | null;
                    url?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        auth: null | {
                            /** @constant */
                            type: "basic";
                            username: string;
                        } | {
                            /** @constant */
                            type: "bearer";
                        } | {
                            audience: string | null;
                            clientId: string;
                            scope: string | null;
                            tokenUrl: string;
                            /** @constant */
                            type: "oauth2";
                        };
                        /** @description The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`) */
                        circuit: {
                            consecutiveFailures: number;
                            openUntil: string | null;
                            /** @enum {string} */
                            state: "closed" | "open" | "half-open";
                        };
                        /** @description Mutual TLS: the client certificate presented (its subject and end; the private key is never shown) */
                        clientTls: {
                            /** @description ISO 8601 UTC */
                            expiresAt: string;
                            serverCa: boolean;
                            subject: string;
                        } | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        disabledReason: string | null;
                        events: string[];
                        /** @enum {string} */
                        fifoOnFailure: "skip" | "block";
                        filter: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Credentials (by name, or marked secret) read `****` */
                        headers: {
                            [key: string]: string;
                        };
                        id: string;
                        /** @description Attempts in flight at once at most; null: no limit */
                        maxConcurrency: number | null;
                        name: string;
                        /** @enum {string} */
                        ordering: "none" | "fifo";
                        orderingKey: string | null;
                        /** @enum {string} */
                        payloadFormat: "envelope" | "raw" | "form";
                        /** @description At most `perSecond` attempts per second, `burst` at once; null: no limit */
                        rateLimit: {
                            burst: number;
                            perSecond: number;
                        } | null;
                        retrySchedule: number[];
                        /** @description Only when the change from ed25519 to an HMAC scheme made a new `whsec_` secret: shown this once */
                        secret?: string;
                        signature: {
                            header: string | null;
                            /** @description ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key) */
                            publicKey: string | null;
                            /** @enum {string} */
                            scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                            /** @description The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone */
                            timestamped: boolean;
                        };
                        /** @enum {string} */
                        status: "active" | "paused" | "disabled";
                        /** @description The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled) */
                        throttledUntil: string | null;
                        timeoutMs: number;
                        /** @description Requests carry W3C `traceparent`/`tracestate` */
                        traceContext: boolean;
                        /** @description The JSONata expression that reshapes the body; null: none */
                        transform: string | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_history: {
        parameters: {
            query?: {
                cursor?: string;
                eventType?: string;
                limit?: number;
                since?: string;
                status?: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            attemptCount: number;
                            /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                            cancelReason: "skipped" | null;
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "ping" | "test" | "redelivery";
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                            orderingKey: string | null;
                            /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                            predecessorId: string | null;
                            /** @description A redelivery: the delivery it sends again */
                            redeliveryOf: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                            subscriptionId: string;
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                            waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                            workflowId: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    FilterTestController_testSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The event data to judge, as it would be posted */
                    data: {
                        [key: string]: unknown;
                    };
                    /** @description A filter to try instead of the subscription's own */
                    filter?: {
                        [key: string]: unknown;
                    } | null;
                    /** @description The event type, for `$type` conditions (absent: they do not hold) */
                    type?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        matches: boolean;
                        /** @description The condition that decided it, e.g. `amount is 50, not > 100` */
                        reason: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    JwksController_jwks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JWK Set (RFC 7517, keys per RFC 8037) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The current key first, then the previous one while a rotation grace runs; empty for the shared-secret schemes */
                        keys: {
                            /** @constant */
                            alg: "EdDSA";
                            /** @constant */
                            crv: "Ed25519";
                            /** @description RFC 7638 thumbprint (SHA-256) of the key: stable while the key is */
                            kid: string;
                            /** @constant */
                            kty: "OKP";
                            /** @constant */
                            use: "sig";
                            /** @description base64url of the 32-byte public key (the same key as `whpk_`) */
                            x: string;
                        }[];
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    LinesController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                stuck?: "true" | "false";
            };
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By ordering key; `?stuck=true` only lines whose head has failed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The head failed and the line waits for a person to redeliver or skip it (fifoOnFailure `block`) */
                            blocked: boolean;
                            /** @description The first delivery that holds the line: the one the rest wait for */
                            head: {
                                attemptCount: number;
                                id: string;
                                /** @enum {string} */
                                status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                            };
                            /** @description The line’s key: the value its events have at the subscription’s `orderingKey` pointer ("" for one line) */
                            orderingKey: string;
                            /** @description Deliveries behind the head, waiting for it */
                            waiting: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    LinesController_skip: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The line: the value its events have at the subscription’s `orderingKey` pointer, as `GET .../lines` shows it */
                    orderingKey: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The line’s new head, woken now; null when the line is empty */
                        next: string | null;
                        /** @description The head that was skipped: it ended `cancelled` with `cancelReason: "skipped"` */
                        skipped: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_pause: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        auth: null | {
                            /** @constant */
                            type: "basic";
                            username: string;
                        } | {
                            /** @constant */
                            type: "bearer";
                        } | {
                            audience: string | null;
                            clientId: string;
                            scope: string | null;
                            tokenUrl: string;
                            /** @constant */
                            type: "oauth2";
                        };
                        /** @description The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`) */
                        circuit: {
                            consecutiveFailures: number;
                            openUntil: string | null;
                            /** @enum {string} */
                            state: "closed" | "open" | "half-open";
                        };
                        /** @description Mutual TLS: the client certificate presented (its subject and end; the private key is never shown) */
                        clientTls: {
                            /** @description ISO 8601 UTC */
                            expiresAt: string;
                            serverCa: boolean;
                            subject: string;
                        } | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        disabledReason: string | null;
                        events: string[];
                        /** @enum {string} */
                        fifoOnFailure: "skip" | "block";
                        filter: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Credentials (by name, or marked secret) read `****` */
                        headers: {
                            [key: string]: string;
                        };
                        id: string;
                        /** @description Attempts in flight at once at most; null: no limit */
                        maxConcurrency: number | null;
                        name: string;
                        /** @enum {string} */
                        ordering: "none" | "fifo";
                        orderingKey: string | null;
                        /** @enum {string} */
                        payloadFormat: "envelope" | "raw" | "form";
                        /** @description At most `perSecond` attempts per second, `burst` at once; null: no limit */
                        rateLimit: {
                            burst: number;
                            perSecond: number;
                        } | null;
                        retrySchedule: number[];
                        signature: {
                            header: string | null;
                            /** @description ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key) */
                            publicKey: string | null;
                            /** @enum {string} */
                            scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                            /** @description The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone */
                            timestamped: boolean;
                        };
                        /** @enum {string} */
                        status: "active" | "paused" | "disabled";
                        /** @description The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled) */
                        throttledUntil: string | null;
                        timeoutMs: number;
                        /** @description Requests carry W3C `traceparent`/`tracestate` */
                        traceContext: boolean;
                        /** @description The JSONata expression that reshapes the body; null: none */
                        transform: string | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_publicKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description During a rotation grace: the previous key, which the second signature of each request verifies with */
                        previous: {
                            /** @description ISO 8601 UTC */
                            expiresAt: string;
                            publicKey: string;
                        } | null;
                        /** @description `whpk_` + base64 of the Ed25519 public key */
                        publicKey: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_recover: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                    /** Format: date-time */
                    until?: string;
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Failed deliveries of the window to send again (the replay’s total) */
                        redelivered: number;
                        /** @description The replay that sends them, batched and paced: its progress at GET /v1/replays/:id */
                        replay: {
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            /** @description Only deliveries created before this are replayed (never the replay’s own) */
                            createdBefore: string;
                            /** @description As sent */
                            filters: {
                                [key: string]: unknown;
                            };
                            id: string;
                            /** @description Redeliveries made so far */
                            sent: number;
                            /** @description Named but not sent: already sent again (a redelivery under way or succeeded), the event purged, or the subscription deleted */
                            skipped: number;
                            /**
                             * @description `cancelled` by POST /v1/replays/:id/cancel; `failed`: its workflow ended without finishing (terminated, say)
                             * @enum {string}
                             */
                            status: "running" | "completed" | "cancelled" | "failed";
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Deliveries the filters named when the replay was made (originals only, no cancelled ones, unless the filters ask) */
                            total: number;
                            workflowId: string;
                        };
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_resume: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active again; `released` held deliveries are on their way */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        auth: null | {
                            /** @constant */
                            type: "basic";
                            username: string;
                        } | {
                            /** @constant */
                            type: "bearer";
                        } | {
                            audience: string | null;
                            clientId: string;
                            scope: string | null;
                            tokenUrl: string;
                            /** @constant */
                            type: "oauth2";
                        };
                        /** @description The circuit breaker: `open` means no attempts until `openUntil`, then one probe (`half-open`) */
                        circuit: {
                            consecutiveFailures: number;
                            openUntil: string | null;
                            /** @enum {string} */
                            state: "closed" | "open" | "half-open";
                        };
                        /** @description Mutual TLS: the client certificate presented (its subject and end; the private key is never shown) */
                        clientTls: {
                            /** @description ISO 8601 UTC */
                            expiresAt: string;
                            serverCa: boolean;
                            subject: string;
                        } | null;
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        disabledReason: string | null;
                        events: string[];
                        /** @enum {string} */
                        fifoOnFailure: "skip" | "block";
                        filter: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Credentials (by name, or marked secret) read `****` */
                        headers: {
                            [key: string]: string;
                        };
                        id: string;
                        /** @description Attempts in flight at once at most; null: no limit */
                        maxConcurrency: number | null;
                        name: string;
                        /** @enum {string} */
                        ordering: "none" | "fifo";
                        orderingKey: string | null;
                        /** @enum {string} */
                        payloadFormat: "envelope" | "raw" | "form";
                        /** @description At most `perSecond` attempts per second, `burst` at once; null: no limit */
                        rateLimit: {
                            burst: number;
                            perSecond: number;
                        } | null;
                        released: number;
                        retrySchedule: number[];
                        signature: {
                            header: string | null;
                            /** @description ed25519: the `whpk_` key receivers verify with (also at GET /v1/subscriptions/:id/public-key) */
                            publicKey: string | null;
                            /** @enum {string} */
                            scheme: "standard-webhooks" | "ed25519" | "hmac-sha256" | "hmac-sha1";
                            /** @description The HMAC covers `{x-webhook-timestamp}.{body}` rather than the body alone */
                            timestamped: boolean;
                        };
                        /** @enum {string} */
                        status: "active" | "paused" | "disabled";
                        /** @description The receiver answered 429 or 503: no attempt goes to this subscription before then (null: not throttled) */
                        throttledUntil: string | null;
                        timeoutMs: number;
                        /** @description Requests carry W3C `traceparent`/`tracestate` */
                        traceContext: boolean;
                        /** @description The JSONata expression that reshapes the body; null: none */
                        transform: string | null;
                        /** @description ISO 8601 UTC */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_rotateSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 0 */
                    graceSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The new secret, shown only here */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ed25519: the new `whpk_` key */
                        publicKey?: string;
                        /** @description The `whsec_` signing secret, shown only here; null for ed25519, whose signing key never leaves the service (receivers verify with `signature.publicKey`) */
                        secret: string | null;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    SubscriptionsController_test: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    data?: {
                        [key: string]: unknown;
                    };
                    /** @default webhook.test */
                    type?: string;
                };
            };
        };
        responses: {
            /** @description What the receiver did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempt: {
                            durationMs: number | null;
                            error: {
                                message: string;
                                /** @enum {string} */
                                type: "timeout" | "connection" | "dns" | "tls" | "blocked" | "redirect" | "auth" | "transform" | "internal";
                            } | null;
                            responseBody: string | null;
                            statusCode: number | null;
                        };
                        delivery: {
                            attemptCount: number;
                            attempts: {
                                durationMs: number;
                                error: {
                                    message: string;
                                    /** @enum {string} */
                                    type: "timeout" | "connection" | "dns" | "tls" | "blocked" | "redirect" | "auth" | "transform" | "internal";
                                } | null;
                                id: string;
                                number: number;
                                /** @description The IP address the request was sent to */
                                remoteAddress: string | null;
                                request: {
                                    /** @description The headers as written on the wire, in order (as in HAR); credentials masked `****`; null if nothing was sent */
                                    headers: {
                                        name: string;
                                        value: string;
                                    }[] | null;
                                };
                                response: {
                                    /** @description The receiver's answer headers (`set-cookie` and credentials masked); null without an answer */
                                    headers: {
                                        [key: string]: string | string[];
                                    } | null;
                                };
                                /** @description The first RESPONSE_BODY_LIMIT bytes (4 KiB by default) of the receiver's answer */
                                responseBody: string | null;
                                /** @description ISO 8601 UTC */
                                startedAt: string;
                                statusCode: number | null;
                                /** @description Where the time went, in milliseconds; null when the request never reached a connection */
                                timings: {
                                    /** @description Opening the TCP connection (null on a kept-alive connection) */
                                    connectMs: number | null;
                                    /** @description Resolving the host (null for an IP address or a kept-alive connection) */
                                    dnsMs: number | null;
                                    /** @description From the attempt's start until the answer's headers arrived */
                                    firstByteMs: number | null;
                                    /** @description Sent on a kept-alive connection opened by an earlier request */
                                    reusedConnection: boolean;
                                    /** @description The TLS handshake (null for http or a kept-alive connection) */
                                    tlsMs: number | null;
                                    /** @description From the attempt's start until the answer was read (or the attempt failed) */
                                    totalMs: number;
                                } | null;
                            }[];
                            /** @description Why it was cancelled, when a person said more than cancel: `skipped` (the head of its FIFO line, skipped) */
                            cancelReason: "skipped" | null;
                            completedAt: string | null;
                            /** @description ISO 8601 UTC */
                            createdAt: string;
                            eventId: string;
                            eventType: string;
                            id: string;
                            /** @enum {string} */
                            kind: "event" | "ping" | "test" | "redelivery";
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description The FIFO line this delivery is in (the value of its subscription’s `orderingKey`); null: unordered */
                            orderingKey: string | null;
                            /** @description The delivery before this one in its FIFO line: this one is sent only after that one ended */
                            predecessorId: string | null;
                            /** @description A redelivery: the delivery it sends again */
                            redeliveryOf: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "held" | "sending" | "retrying" | "succeeded" | "failed" | "cancelled";
                            subscriptionId: string;
                            /** @description The Temporal UI page of its workflow (operators only: absent through a portal link) */
                            temporalUrl?: string;
                            /** @description Why this delivery, due, is not attempted yet (until `nextAttemptAt` at the latest); null when it is not waiting */
                            waitingFor: ("circuit" | "share" | "in-flight" | "predecessor" | "blocked-line" | "rate" | "concurrency" | "throttled") | null;
                            workflowId: string;
                        };
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    TenantsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Your own id for this tenant (unique); accepted in the Hookrelay-Tenant header like the tenant's `ten_` id */
                    externalId?: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created; `apiKey` is shown only here */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apiKey: string;
                        /** @description Your own id for this tenant, if set at creation */
                        externalId: string | null;
                        id: string;
                        name: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    TenantsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description What ingestion enforces now (perSecond 0: unlimited); over it, POST /v1/events answers 429 with Retry-After */
                        effectiveIngestQuota: {
                            burst: number;
                            perSecond: number;
                            /** @enum {string} */
                            source: "tenant" | "default";
                        };
                        /** @description Your own id for this tenant, if set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The tenant's own quota as set; null: the service default. `burst` null: derived from perSecond */
                        ingestQuota: {
                            burst: number | null;
                            perSecond: number;
                        } | null;
                        name: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    TenantsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ingestQuota?: {
                        /** @description Events at once when the tenant has been quiet; default twice perSecond, at least 500 */
                        burst?: number | null;
                        /** @description Events per second this tenant may ingest; 0: unlimited */
                        perSecond: number;
                    } | null;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description ISO 8601 UTC */
                        createdAt: string;
                        /** @description What ingestion enforces now (perSecond 0: unlimited); over it, POST /v1/events answers 429 with Retry-After */
                        effectiveIngestQuota: {
                            burst: number;
                            perSecond: number;
                            /** @enum {string} */
                            source: "tenant" | "default";
                        };
                        /** @description Your own id for this tenant, if set at creation */
                        externalId: string | null;
                        id: string;
                        /** @description The tenant's own quota as set; null: the service default. `burst` null: derived from perSecond */
                        ingestQuota: {
                            burst: number | null;
                            perSecond: number;
                        } | null;
                        name: string;
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
    TransformationsController_test: {
        parameters: {
            query?: never;
            header?: {
                /** @description Operator keys only (ADMIN_API_KEY or scope `operator`): the tenant to act for, by `ten_` id or externalId */
                "Hookrelay-Tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The event data, as it would be posted */
                    data: {
                        [key: string]: unknown;
                    };
                    /**
                     * @description What the transform sees: the envelope (default) or, for `raw`, the data; `form` takes no transform
                     * @enum {string}
                     */
                    payloadFormat?: "envelope" | "raw" | "form";
                    /** @description The JSONata expression to try */
                    transform: string;
                    /** @description The event type the sample envelope carries */
                    type: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The body a receiver would get (before signing) */
                        body: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Malformed request (e.g. invalid JSON), or an operator key without Hookrelay-Tenant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description The credential lacks the scope this route needs (`x-required-scope`, named in the problem), or a key that is not an operator key sent Hookrelay-Tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description No such resource for this tenant, or Hookrelay-Tenant names no tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Body or event payload over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Invalid fields, each named in `errors` */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
            /** @description Too many requests: over the rate limit of this API key, over the tenant's ingest quota (events routes; nothing was written), or too many failed authentications from this address (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail: string;
                        errors: {
                            field: string;
                            message: string;
                        }[];
                        status: number;
                        title: string;
                        type: string;
                    };
                };
            };
        };
    };
}
