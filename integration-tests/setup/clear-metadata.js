// Each spec file boots Medusa anew; MikroORM's entity metadata must not carry over between them.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
