process.env.TENANTRY_TEST_DB = 'mysql';
