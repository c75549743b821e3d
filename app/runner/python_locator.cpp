// PLACEHOLDER until the runner lands.
namespace loopscope {}
