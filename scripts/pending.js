// Says plainly that a command's part is not built yet, instead of failing obscurely.
const [, , command, part] = process.argv;
console.error(`npm run ${command}: ${part} is not built yet; see README.md (Status).`);
process.exit(1);
