// The web app that runs the one server process (API, bot endpoint, webhooks, tab, jobs) on Linux with
// Node 24 LTS, its settings (secrets as Key Vault references) and its managed identity's access to the vault.

param name string
param location string
param sku string
param keyVaultName string
param applicationInsightsConnectionString string
param entraClientId string
param botId string
param googleClientId string = ''
param logLevel string = 'info'

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: sku }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // Agenda's jobs (reminders, roll-over, summaries, calendar sync) run in this process: it must not idle.
      alwaysOn: true
      // /readyz answers 503 until MongoDB is reachable, so App Service only routes to a working instance.
      healthCheckPath: '/readyz'
      // The server is TypeScript run by Node's type stripping; the tab was built before the upload.
      appCommandLine: 'node api/src/main.ts'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault references, resolved by App Service with the site's identity (always the latest secret version).
var mongodbUriRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=mongodb-uri)'
var entraSecretRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=entra-client-secret)'
var botPasswordRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=bot-password)'
var tokenKeyRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=token-encryption-key)'
var googleSecretRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=google-client-secret)'

// The server's configuration (api/src/config.ts); infra/src/app-settings.test.ts loads it with loadConfig.
var appSettings = {
  NODE_ENV: 'production'
  PORT: '8080'
  PUBLIC_URL: 'https://${site.properties.defaultHostName}'
  AUTH_MODE: 'entra'
  MONGODB_URI: mongodbUriRef
  ENTRA_CLIENT_ID: entraClientId
  ENTRA_CLIENT_SECRET: entraSecretRef
  BOT_ID: botId
  BOT_PASSWORD: botPasswordRef
  TOKEN_ENCRYPTION_KEY: tokenKeyRef
  LOG_LEVEL: logLevel
}

// Google Calendar is optional: its pair is set only when a Google client is configured.
var googleClientSettings = {
  GOOGLE_CLIENT_ID: googleClientId
  GOOGLE_CLIENT_SECRET: googleSecretRef
}
var googleSettings = empty(googleClientId) ? {} : googleClientSettings

// App Service's own switches: the upload is ready to run, and Application Insights' Node agent is on.
var platformSettings = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
}

// A separate resource so the settings (and their Key Vault references) apply after the role assignment.
resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  dependsOn: [secretsAccess]
  properties: union(appSettings, googleSettings, platformSettings)
}

output resourceId string = site.id
output hostName string = site.properties.defaultHostName
