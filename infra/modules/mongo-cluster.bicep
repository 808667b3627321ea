// Cosmos DB for MongoDB vCore (MongoDB 7 wire protocol) and its connection string, written straight into Key
// Vault as mongodb-uri so the password never appears in an output.

param name string
param location string
param computeTier string

@secure()
param adminPassword string

param keyVaultName string

var adminUser = 'oneonones'

resource cluster 'Microsoft.DocumentDB/mongoClusters@2024-07-01' = {
  name: name
  location: location
  properties: {
    administrator: {
      userName: adminUser
      password: adminPassword
    }
    serverVersion: '7.0'
    compute: { tier: computeTier }
    storage: { sizeGb: 32 }
    sharding: { shardCount: 1 }
    highAvailability: { targetMode: 'Disabled' }
    publicNetworkAccess: 'Enabled'
  }
}

// 0.0.0.0 is the documented rule for "allow Azure services", which is how App Service reaches the cluster.
resource allowAzure 'Microsoft.DocumentDB/mongoClusters/firewallRules@2024-07-01' = {
  parent: cluster
  name: 'allow-azure-services'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// The cluster reports a template with <user> and <password> placeholders.
resource uri 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: {
    value: replace(replace(cluster.properties.connectionString, '<user>', adminUser), '<password>', uriComponent(adminPassword))
  }
}
