/**
 * Answers where people ask: a Mattermost/Slack slash command, an MCP server for AI
 * assistants, {@code llms.txt} and the OpenAPI description of the JSON API. Reads only
 * the current snapshot; stores nothing.
 */
package dev.faqkb.integrations;
