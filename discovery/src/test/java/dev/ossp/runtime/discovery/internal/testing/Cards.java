package dev.ossp.runtime.discovery.internal.testing;

/** Agent cards in every accepted shape, as agents in the wild serve them. */
public final class Cards {
  private Cards() {}

  /** An A2A v0.2 card: one url, authentication schemes, skills with tags. */
  public static final String V0_2 =
      """
      {
        "name": "Currency Agent",
        "description": "Converts currencies",
        "url": "http://127.0.0.1:9001/",
        "version": "1.0.0",
        "provider": {"organization": "Example Org", "url": "https://example.org"},
        "authentication": {"schemes": ["Bearer"]},
        "capabilities": {"streaming": true, "pushNotifications": false},
        "defaultInputModes": ["text"],
        "skills": [
          {"id": "convert_currency", "name": "Convert", "tags": ["Finance", " FX "]}
        ],
        "x-vendor-extra": {"kept": true}
      }
      """;

  /** A plain A2A v0.3 card, as a native v0.3 SDK serves it. */
  public static final String V0_3 =
      """
      {
        "protocolVersion": "0.3.0",
        "name": "Echo Agent",
        "description": "Echoes text",
        "url": "http://127.0.0.1:41241/a2a/jsonrpc",
        "preferredTransport": "JSONRPC",
        "additionalInterfaces": [
          {"url": "http://127.0.0.1:41241/a2a/jsonrpc", "transport": "JSONRPC"},
          {"url": "http://127.0.0.1:41241/a2a/rest", "transport": "HTTP+JSON"}
        ],
        "version": "2.1.0",
        "capabilities": {"streaming": true, "pushNotifications": false, "stateTransitionHistory": true},
        "securitySchemes": {
          "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
          "bearer": {"type": "http", "scheme": "Bearer"}
        },
        "defaultInputModes": ["text/plain"],
        "defaultOutputModes": ["text/plain"],
        "skills": [
          {"id": "echo", "name": "Echo", "description": "Echo text", "tags": ["text", "demo"]}
        ]
      }
      """;

  /** The hybrid card the A2A JS SDK 1.x serves without an A2A-Version header. */
  public static final String V0_3_HYBRID =
      """
      {
        "protocolVersion": "0.3",
        "name": "Hybrid Agent",
        "description": "Speaks both protocol generations",
        "url": "http://127.0.0.1:41242/a2a/jsonrpc",
        "preferredTransport": "JSONRPC",
        "additionalInterfaces": [{"url": "http://127.0.0.1:41242/a2a/rest", "transport": "HTTP+JSON"}],
        "supportedInterfaces": [
          {"url": "http://127.0.0.1:41242/a2a/jsonrpc", "protocolBinding": "JSONRPC", "protocolVersion": "1.0"},
          {"url": "http://127.0.0.1:41242/a2a/jsonrpc", "protocolBinding": "JSONRPC", "protocolVersion": "0.3"}
        ],
        "supportsAuthenticatedExtendedCard": false,
        "version": "1.3.0",
        "capabilities": {"streaming": true},
        "skills": [{"id": "chat", "name": "Chat", "tags": []}]
      }
      """;

  /** An A2A v1.0 card with per-interface protocol versions. */
  public static final String V1_0 =
      """
      {
        "name": "Planner",
        "description": "Plans trips",
        "version": "3.0.0",
        "supportedInterfaces": [
          {"url": "https://127.0.0.1:8443/a2a", "protocolBinding": "JSONRPC", "protocolVersion": "1.0", "tenant": "t1"},
          {"url": "https://127.0.0.1:8443/grpc", "protocolBinding": "GRPC", "protocolVersion": "1.0"}
        ],
        "capabilities": {"streaming": false, "pushNotifications": true, "extendedAgentCard": true,
                         "extensions": [{"uri": "https://example.org/ext/trace", "required": false}]},
        "securitySchemes": {
          "oauth": {"oauth2SecurityScheme": {"flows": {}}},
          "key": {"apiKeySecurityScheme": {"location": "header", "name": "X-Key"}}
        },
        "securityRequirements": [{"schemes": {"oauth": {"list": []}}}],
        "signatures": [],
        "skills": [
          {"id": "plan-trip", "name": "Plan a trip", "tags": ["travel", "planning"]},
          {"id": "book", "name": "Book", "tags": ["travel"]}
        ]
      }
      """;

  /** An A2A v1.0 card whose interfaces name no protocol version. */
  public static final String V1_0_NO_VERSIONS =
      """
      {
        "name": "Quiet Planner",
        "version": "1.0.0",
        "supportedInterfaces": [
          {"url": "http://127.0.0.1:8080/a2a", "protocolBinding": "HTTP+JSON"}
        ],
        "skills": []
      }
      """;

  /** The original runtime's manifest: a capabilities map and an endpoints map, with its own URN. */
  public static final String MANIFEST =
      """
      {
        "urn": "urn:agent:data:etl-agent@1.2.0",
        "name": "ETL Agent",
        "version": "1.2.0",
        "description": "Extracts and loads data",
        "capabilities": {
          "Extract": {"type": "tool", "description": "extracts"},
          "load": {"type": "tool", "description": "loads"}
        },
        "endpoints": {
          "api": "http://127.0.0.1:7001/api",
          "health": "/health",
          "metrics": "/metrics",
          "mcp": "http://127.0.0.1:7001/mcp"
        },
        "auth": {"type": "api-key", "in": "header", "name": "X-API-Key"}
      }
      """;

  /** A card with no capabilities object and skills without ids. */
  public static final String NO_CAPABILITIES_SKILLS_WITHOUT_IDS =
      """
      {
        "name": "Plain Agent",
        "url": "http://127.0.0.1:9100",
        "version": "0.1.0",
        "skills": [{"name": "Summarize", "tags": ["text"]}, {"name": "Translate"}]
      }
      """;

  /** Returns a v0.3 card with the given name, version, skills and tags, for bulk registrations. */
  public static String a2a(String name, String version, String skill, String... tags) {
    StringBuilder tagList = new StringBuilder();
    for (int i = 0; i < tags.length; i++) {
      tagList.append(i == 0 ? "" : ",").append('"').append(tags[i]).append('"');
    }
    return "{\"protocolVersion\":\"0.3.0\",\"name\":\""
        + name
        + "\",\"description\":\"Agent "
        + name
        + "\",\"url\":\"http://127.0.0.1:9000/"
        + name.replace(' ', '-')
        + "\",\"preferredTransport\":\"JSONRPC\",\"version\":\""
        + version
        + "\",\"capabilities\":{\"streaming\":true},\"skills\":[{\"id\":\""
        + skill
        + "\",\"name\":\""
        + skill
        + "\",\"tags\":["
        + tagList
        + "]}]}";
  }
}
