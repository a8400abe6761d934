console.log('companykit');
